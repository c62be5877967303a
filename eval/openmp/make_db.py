#!/usr/bin/env python3
"""Writes compile_commands.json for the OpenMP corpora of eval/openmp.

    eval/openmp/make_db.py [ROOT]    (ROOT: /work/corpora/omp by default)

ROOT/<codebase>/src holds each repository's work tree at the commit its
labels file names (NPB-CPP: github:GMAP/NPB-CPP, LULESH: github:LLNL/LULESH,
rodinia: github:yuhc/gpu-rodinia); the databases go to ROOT/<codebase>/build
and, for the held-out part of Rodinia (leukocyte, which no rule was tuned
on), ROOT/rodinia/build-heldout. The compiler named is only a label: concur
parses with its own Clang 19.
"""
import json, os, sys
ROOT = sys.argv[1] if len(sys.argv) > 1 else '/work/corpora/omp'

def entry(d, f, cmd):
    return {"directory": d, "file": f, "arguments": cmd + ["-c", f]}

def npb():
    src = ROOT + '/NPB-CPP/src/NPB-OMP'
    out = []
    for b in ['BT', 'CG', 'EP', 'FT', 'IS', 'LU', 'MG', 'SP']:
        d = src + '/' + b
        f = d + '/' + b.lower() + '.cpp'
        out.append(entry(d, f, ['g++', '-std=c++14', '-O3', '-fopenmp', '-mcmodel=medium', '-I../common']))
    for f in ['c_print_results.cpp', 'c_randdp.cpp', 'c_timers.cpp', 'wtime.cpp']:
        out.append(entry(src + '/common', src + '/common/' + f, ['g++', '-std=c++14', '-O3', '-fopenmp']))
    return out

def lulesh():
    d = ROOT + '/LULESH/src'
    return [entry(d, d + '/' + f, ['g++', '-O3', '-fopenmp', '-DUSE_MPI=0', '-I.'])
            for f in ['lulesh.cc', 'lulesh-comm.cc', 'lulesh-viz.cc', 'lulesh-util.cc', 'lulesh-init.cc']]

def rodinia():
    base = ROOT + '/rodinia/src/openmp'
    progs = {
        'b+tree': ['main.c', 'kernel/kernel_cpu.c', 'kernel/kernel_cpu_2.c', 'util/num/num.c', 'util/timer/timer.c'],
        'backprop': ['backprop.c', 'backprop_kernel.c', 'facetrain.c', 'imagenet.c'],
        'bfs': ['bfs.cpp'],
        'cfd': ['euler3d_cpu.cpp', 'euler3d_cpu_double.cpp', 'pre_euler3d_cpu.cpp', 'pre_euler3d_cpu_double.cpp'],
        'heartwall': ['main.c'],
        'hotspot': ['hotspot_openmp.cpp'],
        'hotspot3D': ['3D.c'],
        'kmeans/kmeans_openmp': ['kmeans.c', 'kmeans_clustering.c', 'cluster.c'],
        'lavaMD': ['main.c', 'kernel/kernel_cpu.c', 'util/num/num.c', 'util/timer/timer.c'],
        'lud/omp': ['lud.c', 'lud_omp.c'],
        'myocyte': ['main.c'],
        'nn': ['nn_openmp.c'],
        'nw': ['needle.cpp'],
        'particlefilter': ['ex_particle_OPENMP_seq.c'],
        'pathfinder': ['pathfinder.cpp'],
        'srad/srad_v1': ['main.c'],
        'srad/srad_v2': ['srad.cpp'],
        'streamcluster': ['streamcluster_omp.cpp'],
    }
    out = []
    for p, files in progs.items():
        d = base + '/' + p
        for f in files:
            path = d + '/' + f
            if not os.path.exists(path):
                continue
            cc = 'g++' if f.endswith('.cpp') else 'gcc'
            extra = ['-I' + d]
            if p.startswith('lud'):
                extra.append('-I' + base + '/lud/common')
            if p == 'cfd':
                extra.append('-Dblock_length=16')
            if p == 'heartwall':
                extra.append('-I' + d + '/AVI')
            if not f.endswith('.cpp'):
                extra.append('-std=gnu89')  # Old C: implicit int and declarations.
            out.append(entry(d, path, [cc, '-O2', '-fopenmp'] + extra))
    return out

def rodinia_heldout():
    d = ROOT + '/rodinia/src/openmp/leukocyte/OpenMP'
    return [entry(d, d + '/' + f, ['gcc', '-O3', '-fopenmp', '-std=gnu89', '-I../meschach_lib'])
            for f in ['detect_main.c', 'find_ellipse.c', 'track_ellipse.c', 'misc_math.c', 'avilib.c']]

for name, build, fn in [('NPB-CPP', 'build', npb), ('LULESH', 'build', lulesh),
                        ('rodinia', 'build', rodinia), ('rodinia', 'build-heldout', rodinia_heldout)]:
    os.makedirs(ROOT + '/' + name + '/' + build, exist_ok=True)
    with open(ROOT + '/' + name + '/' + build + '/compile_commands.json', 'w') as f:
        json.dump(fn(), f, indent=1)
    print(name, build, len(fn()))
