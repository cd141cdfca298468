#!/usr/bin/env python3
"""Prints the median wall time (seconds) from a hyperfine --export-json file."""
import json, statistics, sys
result = json.load(open(sys.argv[1]))["results"][0]
print(f"{statistics.median(result['times']):.3f}")
