#!/usr/bin/python3
"""Reference segmentation with Debian's python3-jieba for the text benchmark (run by `Xiaobao.Benchmarks text`).

Usage: /usr/bin/python3 jieba_segment.py CORPUS OUT [USERDICT]
Reads CORPUS (UTF-8, one text per line), cuts each line with jieba.cut (default mode, HMM on) after loading USERDICT,
writes the tokens of each line to OUT joined by U+001F, and prints one JSON line with the timings in seconds (wall-clock
and CPU time of this process, so the figures compare with Xiaobao's on a machine shared with other work).
"""
import json
import sys
import time

import jieba

corpus, out = sys.argv[1], sys.argv[2]
jieba.setLogLevel(60)
started = time.perf_counter()
jieba.initialize()
if len(sys.argv) > 3:
    jieba.load_userdict(sys.argv[3])
init = time.perf_counter() - started

with open(corpus, encoding="utf-8") as f:
    lines = f.read().split("\n")

started, started_cpu = time.perf_counter(), time.process_time()
cut = [list(jieba.cut(line)) for line in lines]
segment, segment_cpu = time.perf_counter() - started, time.process_time() - started_cpu

with open(out, "w", encoding="utf-8") as f:
    for tokens in cut:
        f.write("\x1f".join(tokens))
        f.write("\n")

print(json.dumps({"init": init, "segment": segment, "segment_cpu": segment_cpu, "tokens": sum(len(t) for t in cut), "version": jieba.__version__}))
