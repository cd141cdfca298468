#!/usr/bin/env python3
"""Statuses and headers of the deployed example site, as docs/deploy-nginx.md documents them.

Usage: http_checks.py BASE_URL   (e.g. http://127.0.0.1:8080/dwgk/xczg/)
"""
import http.client
import sys
import urllib.parse

base = sys.argv[1]
parts = urllib.parse.urlsplit(base)
failures = []


def get(path):
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    connection.request("GET", parts.path + path)
    response = connection.getresponse()
    body = response.read().decode("utf-8", "replace")
    connection.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, body


def expect(path, status, headers=None, body=None):
    got, got_headers, got_body = get(path)
    if got != status:
        failures.append(f"{path or '/'}：状态 {got}，应为 {status}")
    for name, value in (headers or {}).items():
        if value not in got_headers.get(name, ""):
            failures.append(f"{path or '/'}：{name} 为 {got_headers.get(name)!r}，应含 {value!r}")
    if body and body not in got_body:
        failures.append(f"{path or '/'}：正文中没有 {body!r}")


expect("", 200, {"content-type": "text/html; charset=utf-8"}, "<title>")
expect("notices/jiaogongwei-2025/", 200, {"content-type": "text/html; charset=utf-8"})
expect("notices/jiaogongwei-2025", 301, {"location": parts.path + "notices/jiaogongwei-2025/"})
expect("no-such-page/", 404, {"content-type": "text/html"}, "页面不存在")
expect("search/meta.json", 200, {"content-type": "application/json"})
expect("assets/style.css", 200, {"content-type": "text/css", "cache-control": "max-age=604800"})
expect("feed.xml", 200, {"content-type": "xml"})
expect("sitemap.xml", 200, {"content-type": "xml"})
expect("catalogue/", 200, {"content-type": "text/html; charset=utf-8"})
if failures:
    print("状态和响应头检查未通过：")
    for failure in failures:
        print("  - " + failure)
    sys.exit(1)
print("状态和响应头：9 个地址符合 docs/deploy-nginx.md")
