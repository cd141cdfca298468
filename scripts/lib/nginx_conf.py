#!/usr/bin/env python3
"""Writes an nginx.conf that runs, unprivileged on loopback, the server block documented in docs/deploy-nginx.md.

Usage: nginx_conf.py DOC PORT SITE_FOLDER PREFIX
The first ```nginx block of DOC is used as written, except: it listens on 127.0.0.1:PORT, answers to any name, and its
alias points at SITE_FOLDER instead of /var/www/dwgk/xczg/. Everything else (index, try_files, charset, caching,
error_page) is the documented configuration.
"""
import re
import sys

doc, port, folder, prefix = sys.argv[1:5]
text = open(doc, encoding="utf-8").read()
match = re.search(r"```nginx\n(.*?)```", text, re.S)
if not match:
    sys.exit(f"{doc}: no ```nginx block")
server = match.group(1)
for old, new in [("listen 80;", f"listen 127.0.0.1:{port};"), ("server_name www.example.gov.cn;", "server_name _;"),
                 ("/var/www/dwgk/xczg/", folder)]:
    if old not in server:
        sys.exit(f"{doc}: the nginx block no longer contains {old!r}; update scripts/lib/nginx_conf.py")
    server = server.replace(old, new)
temp = "\n".join(f"    {kind}_temp_path {prefix}/tmp/{kind};" for kind in ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"])
print(f"""worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/logs/error.log;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
{temp}
{server}
}}""")
