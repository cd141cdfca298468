#!/usr/bin/env python3
"""Writes the results of scripts/bench (RESULTS.tsv) as the table between the bench markers of docs/benchmarks.md.
Usage: bench_table.py RESULTS CORES BENCHMARKS_MD"""
import sys, datetime, platform
rows = [line.split("\t") for line in open(sys.argv[1]).read().strip().split("\n")]
cores, out = sys.argv[2], sys.argv[3]
lines = [f"| 通知数 | 完整生成 (s) | 页/秒 | 峰值内存 (MB) | 空操作重建 (s) | 改一篇：首次 (s) | 改一篇后重建 (s) | 下限 (s) | Gongshi/下限 | Hugo 镜像站 (s) | 镜像站/Gongshi | Hugo 最简 (s) | 最简/Gongshi |",
         "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
columns = lines[1].count("|") - 1
def number(x):
    try: return float(x)
    except ValueError: return None  # "-" (not measured), 未完成 (not yet or stopped), 内存不足 or 失败 (Hugo did not finish), 未运行 (not run: BENCH_MIRROR_SIZES)
def secs(x): return x if number(x) is None else f"{float(x):.2f}"
for n, full, rss, noop, first, one, floor, hugo, mirror in rows:
    full_f, floor_f = float(full), float(floor)
    ratio = lambda other: f"{float(other) / full_f:.2f}" if number(other) is not None else "-"
    lines.append(f"| {int(n):,} | {full_f:.2f} | {int(n) / full_f:,.0f} | {int(rss) / 1024:.0f} | {float(noop):.2f} | {float(first):.2f} | {float(one):.2f} | "
                 f"{floor_f:.2f} | {full_f / floor_f:.1f} | {secs(mirror)} | {ratio(mirror)} | {secs(hugo)} | {ratio(hugo)} |")
text = open(out).read() if __import__("os").path.exists(out) else ""
start, end = "<!-- bench:start -->", "<!-- bench:end -->"
# Rows of sizes this run did not measure stay (e.g. 100,000 measured on its own with BENCH_RUNS=1), marked as earlier.
measured = {f"{int(r[0]):,}" for r in rows}
if start in text:
    for old in text[text.index(start):text.index(end)].split("\n"):
        cells = [c.strip() for c in old.strip().strip("|").split("|")]
        if old.startswith("| ") and cells[0].rstrip("*").replace(",", "").isdigit() and cells[0].rstrip("*") not in measured:
            if len(cells) == columns - 1:  # a row from before the first-edit column
                cells.insert(5, "-")
            cells[0] = cells[0].rstrip("*") + "*"
            lines.append("| " + " | ".join(cells) + " |")
lines[2:] = sorted(lines[2:], key=lambda l: int(l.split("|")[1].strip().rstrip("*").replace(",", "")))
table = "\n".join(lines) + ("\n\n\\* 较早一次运行的结果（该规模这次没有量，或这次运行在量到它之前停了）。" if any("*" in l.split("|")[1] for l in lines[2:]) else "")
block = f"{start}\n测量于 {datetime.date.today()}，{cores} 核，{platform.machine()}；每项为 hyperfine 多次运行的中位数。\n\n{table}\n{end}"
if start in text:
    text = text[:text.index(start)] + block + text[text.index(end) + len(end):]
else:
    text += "\n" + block + "\n"
open(out, "w").write(text)
print(table)
