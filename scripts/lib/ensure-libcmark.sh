# shellcheck shell=bash
# ensure_libcmark: makes sure libcmark (Markdown) and pkg-config are installed.
# On Debian/Ubuntu it installs them with apt-get (as root, or through sudo); elsewhere it stops with the command to run.

have_libcmark() {
    if command -v pkg-config >/dev/null 2>&1; then
        pkg-config --exists libcmark
    else
        [ -f /usr/include/cmark.h ]
    fi
}

ensure_libcmark() {
    if have_libcmark && command -v pkg-config >/dev/null 2>&1; then
        return 0
    fi
    local packages="libcmark-dev pkg-config"
    if command -v apt-get >/dev/null 2>&1; then
        local run=""
        if [ "$(id -u)" -ne 0 ]; then
            if command -v sudo >/dev/null 2>&1; then
                run="sudo"
            else
                echo "缺少 libcmark。请以 root 身份运行：apt-get update && apt-get install -y $packages" >&2
                exit 1
            fi
        fi
        echo "正在安装 libcmark（Markdown 渲染库）：apt-get install -y $packages" >&2
        $run apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $run apt-get install -y -qq $packages >/dev/null
        have_libcmark || { echo "安装 libcmark-dev 后仍找不到 libcmark，请检查 apt 源。" >&2; exit 1; }
    elif command -v brew >/dev/null 2>&1; then
        echo "缺少 libcmark。请先运行：brew install cmark pkg-config" >&2
        exit 1
    else
        echo "缺少 libcmark。请用系统的包管理器安装 libcmark 的开发包（Debian/Ubuntu：apt-get install -y $packages）。" >&2
        exit 1
    fi
}
