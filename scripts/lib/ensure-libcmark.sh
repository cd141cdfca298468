# shellcheck shell=bash
# ensure_libcmark: makes sure the C libraries the build links are installed: libcmark (Markdown), libxml2 (reading
# saved web pages in `gongshi import`) and pkg-config.
# On Debian/Ubuntu it installs them with apt-get (as root, or through sudo); elsewhere it stops with the command to run.

have_libcmark() {
    if command -v pkg-config >/dev/null 2>&1; then
        pkg-config --exists libcmark && pkg-config --exists libxml-2.0
    else
        [ -f /usr/include/cmark.h ] && [ -f /usr/include/libxml2/libxml/HTMLparser.h ]
    fi
}

ensure_libcmark() {
    if have_libcmark && command -v pkg-config >/dev/null 2>&1; then
        return 0
    fi
    local packages="libcmark-dev libxml2-dev pkg-config"
    if command -v apt-get >/dev/null 2>&1; then
        local run=""
        if [ "$(id -u)" -ne 0 ]; then
            if command -v sudo >/dev/null 2>&1; then
                run="sudo"
            else
                echo "缺少 libcmark 或 libxml2。请以 root 身份运行：apt-get update && apt-get install -y $packages" >&2
                exit 1
            fi
        fi
        echo "正在安装 libcmark（Markdown 渲染库）和 libxml2（导入网页）：apt-get install -y $packages" >&2
        $run apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $run apt-get install -y -qq $packages >/dev/null
        have_libcmark || { echo "安装 $packages 后仍找不到 libcmark 或 libxml2，请检查 apt 源。" >&2; exit 1; }
    elif command -v brew >/dev/null 2>&1; then
        echo "缺少 libcmark 或 libxml2。请先运行：brew install cmark libxml2 pkg-config" >&2
        exit 1
    else
        echo "缺少 libcmark 或 libxml2。请用系统的包管理器安装它们的开发包（Debian/Ubuntu：apt-get install -y $packages）。" >&2
        exit 1
    fi
}

# ensure_import_tools: the Debian programs `gongshi import` runs for legacy formats: antiword and catdoc (.doc),
# poppler-utils (pdftotext, pdftoppm: PDF); with IMPORT_OPTIONAL=1 also tesseract with the simplified-Chinese model
# (scans) and LibreOffice Writer (.wps and other office formats). Installs with apt-get where it can.
ensure_import_tools() {
    local want=(antiword catdoc poppler-utils) missing=()
    [ "${IMPORT_OPTIONAL:-0}" = 1 ] && want+=(tesseract-ocr tesseract-ocr-chi-sim libreoffice-writer-nogui fonts-wqy-zenhei)
    for package in "${want[@]}"; do
        dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
        echo "正在安装导入用的工具：apt-get install -y ${missing[*]}" >&2
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
        echo "导入旧格式需要：apt-get install -y ${missing[*]}（没有它们，相应格式的导入测试会跳过）" >&2
    fi
}
