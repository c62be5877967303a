#!/usr/bin/env python3
"""Recreates the evaluation corpora (work trees and compile databases).

    eval/corpora/make.py [options] NAME... | all
    eval/corpora/make.py --check NAME... | all     (also parse every TU)
    eval/corpora/make.py --list                    (names and what they need)
    eval/corpora/make.py --apt                     (print the apt-get line)

NAME is a codebase of eval/blocking/labels, eval/races/labels, or `omp`
(LULESH, NPB-CPP and Rodinia of eval/openmp, whose databases
eval/openmp/make_db.py writes). Each labels file gives the repository, the
commit and the work tree (`src_root`); this script reads them from there,
so the labels stay the one place that says which commit is meant.

Nothing is downloaded. The repository must already be on this machine as a
git directory: by default MIRRORS/<owner>+<name>/repo (what the search
tool's fetch of github:<owner>/<name> leaves under /work/.mirror), or the
path given with --mirror NAME=PATH. The work tree is a clone of it checked
out (detached) at the labels' commit. Blobs a snapshot lacks (files of
4 MiB and more are not stored) are left out of the work tree with a sparse
checkout and reported.

Layout, for each corpus C of ROOT (/work/corpora by default):
    ROOT/C/src                         the work tree (the labels' src_root)
    ROOT/C/build/compile_commands.json the database the scorers are given
    ROOT/C/cmake-build[-ibv]           CMake's own build directories, whose
                                       full compile_commands.json the
                                       database is filtered from
  memcached's autotools build is ROOT/memcached/build itself; the OpenMP
  corpora are ROOT/omp/{LULESH,NPB-CPP,rodinia}/{src,build,build-heldout}.

The subsets are rules, not lists (see each function): "coroutine TUs" are
the TUs whose own text (the main file, not its headers) contains co_await,
co_return, co_yield or coroutine_handle; one entry is kept per source file
(the first CMake lists). cpp-httplib, thread-pool and corral's extra test
are written by hand, as their labels say.
"""
import argparse
import concurrent.futures
import glob
import json
import os
import re
import shlex
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
EVAL = os.path.dirname(HERE)
LABEL_DIRS = [os.path.join(EVAL, "blocking", "labels"), os.path.join(EVAL, "races", "labels")]
OMP_LABELS = os.path.join(EVAL, "openmp", "labels")
DEFAULT_ROOT = "/work/corpora"   # the prefix of every src_root in the labels
JOBS = 2

# Debian packages the configures and the parse check need (Debian 12).
# libboost1.81-dev, not libboost-dev: corral's CMake wants Boost >= 1.77.
APT = ["clang-19", "libomp-19-dev", "g++", "cmake", "ninja-build", "make", "autoconf", "automake",
       "libtool", "pkg-config", "libgtest-dev", "libgmock-dev", "libbenchmark-dev",
       "libasio-dev", "catch2", "libboost1.81-dev", "libssl-dev", "zlib1g-dev",
       "libbrotli-dev", "libzstd-dev", "libcurl4-openssl-dev", "libevent-dev",
       "libprotobuf-dev", "protobuf-compiler", "pybind11-dev", "python3-dev",
       "libibverbs-dev", "libbz2-dev", "libc++-19-dev",
       # mjpg-streamer's plugins: input_uvc (libjpeg), output_viewer (SDL 1.2),
       # output_zmqserver (ZeroMQ, protobuf-c and its protoc-c)
       "libjpeg62-turbo-dev", "libsdl1.2-dev", "libzmq3-dev", "libprotobuf-c-dev",
       "protobuf-c-compiler",
       # wrk's LuaJIT headers come out of its deps/LuaJIT-2.1.zip
       "unzip",
       # axel's autoreconf: AX_* macros (autoconf-archive), AM_GNU_GETTEXT (autopoint)
       "autoconf-archive", "autopoint"]

COROUTINE_RE = re.compile(r"\bco_(?:await|return|yield)\b|\bcoroutine_handle\b")


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def run(cmd, cwd=None, out=None, env=None):
    log("+", " ".join(shlex.quote(c) for c in cmd), ("  (in %s)" % cwd) if cwd else "")
    if out is None:
        subprocess.run(cmd, cwd=cwd, check=True, env=env)
        return None
    with open(out, "w") as f:
        r = subprocess.run(cmd, cwd=cwd, stdout=f, stderr=subprocess.STDOUT, env=env)
    if r.returncode:
        sys.exit("failed (%d): %s; see %s" % (r.returncode, cmd[0], out))
    return None


def git(src, *args, capture=False):
    cmd = ["git", "-C", src] + list(args)
    if capture:
        return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    subprocess.run(cmd, check=True)
    return None


# ---------------------------------------------------------------- labels

def load_labels():
    """codebase -> labels dict without its findings (only what setup needs)."""
    out = {}
    for d in LABEL_DIRS + [OMP_LABELS]:
        for path in sorted(glob.glob(os.path.join(d, "*.json"))):
            with open(path) as f:
                spec = json.load(f)
            entry = {k: spec[k] for k in ("codebase", "repository", "commit", "src_root") if k in spec}
            rel = os.path.relpath(path, os.path.dirname(EVAL))
            prev = out.get(spec["codebase"])
            if prev:
                # A codebase labelled for two checks (async_simple: blocking
                # and races) must name one checkout; the first file stays
                # its labels_file, the others are listed after it.
                if any(prev.get(k) != entry.get(k) for k in ("repository", "commit", "src_root")):
                    sys.exit("%s: %s and %s name different checkouts" % (spec["codebase"], prev["labels_file"], rel))
                prev.setdefault("more_labels_files", []).append(rel)
                continue
            entry["labels_file"] = rel
            out[spec["codebase"]] = entry
    return out


class Ctx:
    def __init__(self, args, labels):
        self.root = os.path.abspath(args.root)
        self.mirrors = args.mirrors
        self.mirror_override = dict(m.split("=", 1) for m in args.mirror)
        self.labels = labels
        self.check = args.check
        self.summary = []

    def src_root(self, name):
        s = self.labels[name]["src_root"]
        if s.startswith(DEFAULT_ROOT + "/"):
            s = self.root + s[len(DEFAULT_ROOT):]
        return s

    def corpus_dir(self, name):
        return os.path.dirname(self.src_root(name))

    def mirror(self, name):
        repo = self.labels[name]["repository"]
        owner_name = repo.split(":", 1)[1]
        if name in self.mirror_override:
            path = self.mirror_override[name]
        else:
            path = os.path.join(self.mirrors, owner_name.replace("/", "+"))
        for cand in (os.path.join(path, "repo"), path):
            if os.path.isdir(cand) and subprocess.run(
                    ["git", "--git-dir", cand, "rev-parse", "--git-dir"],
                    capture_output=True).returncode == 0:
                return cand
        sys.exit("%s: no git directory at %s: fetch %s first (the search tool's fetch), "
                 "or pass --mirror %s=PATH" % (name, path, repo, name))


# ---------------------------------------------------------------- checkout

def missing_blobs(gitdir, commit):
    """Paths at `commit` whose blobs the snapshot does not hold."""
    tree = subprocess.run(["git", "--git-dir", gitdir, "ls-tree", "-r", "-z", commit],
                          check=True, capture_output=True).stdout.decode("utf-8", "surrogateescape")
    blobs = []
    for rec in tree.split("\0"):
        if not rec:
            continue
        meta, path = rec.split("\t", 1)
        mode, typ, sha = meta.split()
        if typ == "blob":
            blobs.append((sha, path))
    if not blobs:
        return []
    r = subprocess.run(["git", "--git-dir", gitdir, "cat-file", "--batch-check"],
                       input="".join(s + "\n" for s, _ in blobs), capture_output=True, text=True, check=True)
    missing = {l.split()[0] for l in r.stdout.splitlines() if l.endswith(" missing")}
    return sorted(p for s, p in blobs if s in missing)


def glob_escape(path):
    return re.sub(r"([\\*?\[\]!#])", r"\\\1", path)


def checkout(ctx, name):
    """Clone the mirror into src_root and check out the labels' commit."""
    spec = ctx.labels[name]
    src = ctx.src_root(name)
    commit = spec["commit"]
    mirror = ctx.mirror(name)
    if subprocess.run(["git", "--git-dir", mirror, "cat-file", "-e", commit + "^{commit}"],
                      capture_output=True).returncode:
        head = subprocess.run(["git", "--git-dir", mirror, "rev-parse", "HEAD"],
                              capture_output=True, text=True).stdout.strip()
        sys.exit("%s: commit %s is not in %s (its HEAD is %s); not guessing" % (name, commit, mirror, head))
    if os.path.isdir(os.path.join(src, ".git")):
        if git(src, "rev-parse", "HEAD", capture=True).strip() == commit:
            log("%s: %s already at %s" % (name, src, commit[:12]))
            return src, missing_blobs(mirror, commit)
        git(src, "fetch", "-q", mirror, commit)
    elif os.path.exists(src) and os.listdir(src):
        sys.exit("%s: %s exists and is not a git work tree; remove it first" % (name, src))
    else:
        os.makedirs(os.path.dirname(src), exist_ok=True)
        run(["git", "clone", "-q", "--no-checkout", mirror, src])
    missing = missing_blobs(mirror, commit)
    if missing:
        log("%s: the snapshot lacks %d file(s), left out of the work tree: %s"
            % (name, len(missing), ", ".join(missing)))
        # Non-cone sparse checkout; the patterns are written directly, as
        # `git sparse-checkout set` would try to read the absent blobs.
        git(src, "config", "core.sparseCheckout", "true")
        git(src, "config", "core.sparseCheckoutCone", "false")
        info = os.path.join(git(src, "rev-parse", "--absolute-git-dir", capture=True).strip(), "info")
        os.makedirs(info, exist_ok=True)
        with open(os.path.join(info, "sparse-checkout"), "w") as f:
            f.write("/*\n" + "".join("!/" + glob_escape(p) + "\n" for p in missing))
    git(src, "-c", "advice.detachedHead=false", "checkout", "-q", "--detach", commit)
    return src, missing


# ---------------------------------------------------------------- databases

def read_db(path):
    with open(path) as f:
        return json.load(f)


def write_db(ctx, name, build, entries, note, missing=(), src=None):
    os.makedirs(build, exist_ok=True)
    path = os.path.join(build, "compile_commands.json")
    with open(path, "w") as f:
        json.dump(entries, f, indent=1)
    files = {e["file"] for e in entries}
    ctx.summary.append({"corpus": name, "src": src, "commit": ctx.labels[name]["commit"] if name in ctx.labels else "",
                        "database": path, "entries": len(entries), "files": len(files),
                        "missing": list(missing), "note": note})
    log("%s: wrote %s (%d entries, %d files)" % (name, path, len(entries), len(files)))
    return path


def one_per_file(entries):
    seen, out = set(), []
    for e in entries:
        f = os.path.normpath(os.path.join(e["directory"], e["file"]))
        if f not in seen:
            seen.add(f)
            out.append(e)
    return out


def own_text_uses_coroutines(entry):
    """The TU's main file (not the headers it includes) uses coroutines."""
    path = os.path.join(entry["directory"], entry["file"])
    with open(path, errors="replace") as f:
        return COROUTINE_RE.search(f.read()) is not None


def cmake(src, bdir, flags, out_log):
    os.makedirs(bdir, exist_ok=True)
    run(["cmake", "-S", src, "-B", bdir] + flags, out=out_log)
    generate_sources(bdir)
    return read_db(os.path.join(bdir, "compile_commands.json"))


def generate_sources(bdir):
    """Build the sources and headers CMake generates at build time (protoc's)."""
    r = subprocess.run(["ninja", "-C", bdir, "-t", "targets", "all"], capture_output=True, text=True, check=True)
    gen = []
    for line in r.stdout.splitlines():
        target, _, rule = line.rpartition(": ")
        if rule == "CUSTOM_COMMAND" and not target.startswith("/") and re.search(
                r"\.(h|hh|hpp|hxx|inc|c|cc|cpp|cxx)$", target):
            gen.append(target)
    if gen:
        run(["ninja", "-C", bdir, "-j", str(JOBS)] + gen)


def parse_args_of(entry):
    return entry["arguments"] if "arguments" in entry else shlex.split(entry["command"])


def syntax_only(entry):
    """clang-19 -fsyntax-only with the entry's own flags; (ok, first error lines)."""
    args = parse_args_of(entry)
    f = entry["file"]
    cxx = not f.endswith(".c")
    cmd = ["clang++-19" if cxx else "clang-19"]
    skip = False
    for a in args[1:]:
        if skip:
            skip = False
            continue
        if a == "-o":
            skip = True
            continue
        if a == "-c" or a.startswith("-o"):
            continue
        cmd.append(a)
    cmd.append("-fsyntax-only")
    r = subprocess.run(cmd, cwd=entry["directory"], capture_output=True, text=True)
    errs = [l for l in r.stderr.splitlines() if "error:" in l]
    return r.returncode == 0, errs[:3]


def check_entries(entries):
    with concurrent.futures.ThreadPoolExecutor(JOBS) as ex:
        return list(ex.map(lambda e: (e, ) + syntax_only(e), entries))


# ---------------------------------------------------------------- corpora

def parsing_entries(name, entries, src):
    """The entries clang-19 parses, and those it does not (each logged)."""
    keep, dropped = [], []
    for e, ok, errs in check_entries(entries):
        (keep if ok else dropped).append(e)
        if not ok:
            log("%s: dropped %s: %s" % (name, os.path.relpath(e["file"], src), errs[:1]))
    return keep, dropped


def coroutine_subset(entries):
    return one_per_file([e for e in entries if own_text_uses_coroutines(e)])


def configure_async_simple(ctx):
    """The checkout and CMake configure both async_simple databases share:
    the work tree, the snapshot's missing files, the corpus directory and
    CMake's full database."""
    n = "async_simple"
    src, missing = checkout(ctx, n)
    d = ctx.corpus_dir(n)
    full = cmake(src, os.path.join(d, "cmake-build"), [
        "-G", "Ninja", "-DCMAKE_CXX_COMPILER=clang++-19", "-DCMAKE_C_COMPILER=clang-19",
        "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON", "-DASYNC_SIMPLE_ENABLE_ASAN=OFF",
        "-DFETCHCONTENT_FULLY_DISCONNECTED=ON"], os.path.join(d, "cmake.log"))
    return n, src, missing, d, full


def make_async_simple(ctx):
    n, src, missing, d, full = configure_async_simple(ctx)
    keep = coroutine_subset(full)
    write_db(ctx, n, os.path.join(d, "build"), keep,
             "coroutine TUs of %d CMake entries (%d files)" % (len(full), len({e['file'] for e in full})),
             missing, src)


def make_async_simple_races(ctx):
    """async_simple for the race check (eval/races/labels/async_simple.json):
    build-races/, next to the blocking check's build/. The same checkout and
    CMake configure as make_async_simple, but every C++ TU of CMake's full
    database, not only the coroutine ones: the thread pool's, the Future's
    and the executors' tests and the blocking demos start threads too. One
    entry per source file (the first CMake lists: dotest.cpp is in six test
    targets, uthread/internal/thread.cc in two libraries), the .S files of
    the uthread context switch left out, and only the entries clang-19
    -fsyntax-only accepts."""
    n, src, missing, d, full = configure_async_simple(ctx)
    cand = one_per_file([e for e in full if e["file"].endswith((".cpp", ".cc"))])
    keep, dropped = parsing_entries(n, cand, src)
    write_db(ctx, n, os.path.join(d, "build-races"), keep,
             "every C++ TU of %d CMake entries, one per file (%d), %d dropped as not parsing (%s)"
             % (len(full), len(cand), len(dropped), ", ".join(os.path.relpath(e["file"], src) for e in dropped)),
             missing, src)


def make_cinatra(ctx):
    n = "cinatra"
    src, missing = checkout(ctx, n)
    d = ctx.corpus_dir(n)
    full = cmake(src, os.path.join(d, "cmake-build"), [
        "-G", "Ninja", "-DCMAKE_CXX_COMPILER=clang++-19", "-DCMAKE_BUILD_TYPE=Debug",
        "-DENABLE_SANITIZER=OFF", "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON", "-DBUILD_UNIT_TESTS=ON",
        "-DBUILD_EXAMPLES=ON", "-DBUILD_BENCHMARK=ON", "-DBUILD_PRESS_TOOL=ON"],
        os.path.join(d, "cmake.log"))
    keep = coroutine_subset(full)
    write_db(ctx, n, os.path.join(d, "build"), keep,
             "coroutine TUs of %d CMake entries" % len(full), missing, src)


def make_corral(ctx):
    n = "corral"
    src, missing = checkout(ctx, n)
    d = ctx.corpus_dir(n)
    full = cmake(src, os.path.join(d, "cmake-build"), [
        "-G", "Ninja", "-DCMAKE_CXX_COMPILER=clang++-19", "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON",
        "-DCORRAL_CATCH2=/usr/include", "-DCORRAL_BOOST=/usr/include"], os.path.join(d, "cmake.log"))
    # test/degenerate_thread_pool_test.cc is in no CMake target: by hand, with
    # the flags of the Catch2 test executable (those of test/basic_test.cc).
    basic = [e for e in full if e["file"].endswith("/test/basic_test.cc")]
    extra = os.path.join(src, "test", "degenerate_thread_pool_test.cc")
    if basic and os.path.exists(extra) and not any(e["file"] == extra for e in full):
        e = dict(basic[0])
        e["file"] = extra
        if "command" in e:
            e["command"] = e["command"].replace("basic_test.cc", "degenerate_thread_pool_test.cc")
        else:
            e["arguments"] = [a.replace("basic_test.cc", "degenerate_thread_pool_test.cc") for a in e["arguments"]]
        e["output"] = e.get("output", "").replace("basic_test.cc", "degenerate_thread_pool_test.cc")
        if not e["output"]:
            del e["output"]
        full = full + [e]
    keep = coroutine_subset(full)
    write_db(ctx, n, os.path.join(d, "build"), keep,
             "coroutine TUs of %d entries (CMake + degenerate_thread_pool_test.cc by hand)" % len(full),
             missing, src)


def make_cppcoro(ctx):
    n = "cppcoro"
    src, missing = checkout(ctx, n)
    d = ctx.corpus_dir(n)
    full = cmake(src, os.path.join(d, "cmake-build"), [
        "-G", "Ninja", "-DCMAKE_CXX_COMPILER=clang++-19", "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON",
        "-DBUILD_TESTING=ON"], os.path.join(d, "cmake.log"))
    keep = coroutine_subset(full)
    write_db(ctx, n, os.path.join(d, "build"), keep,
             "coroutine TUs of %d CMake entries" % len(full), missing, src)


def make_yaclib(ctx):
    # Held out (split "test"): set up only; its sources are not to be read.
    n = "yaclib"
    src, missing = checkout(ctx, n)
    d = ctx.corpus_dir(n)
    full = cmake(src, os.path.join(d, "cmake-build"), [
        "-G", "Ninja", "-DCMAKE_CXX_COMPILER=clang++-19", "-DCMAKE_C_COMPILER=clang-19",
        "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON", "-DCMAKE_BUILD_TYPE=Debug", "-DYACLIB_CXX_STANDARD=20",
        "-DYACLIB_TEST=ON", "-DYACLIB_FLAGS=CORO"], os.path.join(d, "cmake.log"))
    keep = coroutine_subset(full)
    write_db(ctx, n, os.path.join(d, "build"), keep,
             "coroutine TUs of %d CMake entries (%d files)" % (len(full), len({e['file'] for e in full})),
             missing, src)


def make_yalantinglibs(ctx):
    n = "yalantinglibs"
    src, missing = checkout(ctx, n)
    d = ctx.corpus_dir(n)
    common = ["-G", "Ninja", "-DCMAKE_CXX_COMPILER=clang++-19", "-DCMAKE_C_COMPILER=clang-19",
              "-DCMAKE_BUILD_TYPE=Debug", "-DENABLE_SANITIZER=OFF", "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON",
              "-DBUILD_EXAMPLES=ON", "-DBUILD_UNIT_TESTS=ON", "-DBUILD_BENCHMARK=ON",
              "-DGENERATE_BENCHMARK_DATA=ON", "-DENABLE_go=ON", "-DYLT_ENABLE_SSL=ON"]
    common += ["-DBUILD_%s=OFF" % m for m in ("EASYLOG", "METRIC", "REFLECTION", "STRUCT_JSON", "STRUCT_PACK",
                                              "STRUCT_PB", "STRUCT_XML", "STRUCT_YAML", "UTIL", "INCLUDE")]
    # First configure: without ibverbs. cmake/Find/find_ibverbs.cmake turns
    # YLT_ENABLE_IBV on by itself whenever libibverbs is installed; presetting
    # its check's cache variable keeps this configure ibverbs-free as the
    # labels' one was.
    first = cmake(src, os.path.join(d, "cmake-build"), common + ["-DYLT_HAVE_IBVERBS=OFF"],
                  os.path.join(d, "cmake.log"))
    # Second configure, for the TUs only it adds (ibverbs tests, the pybind
    # examples, zero_copy, rdma_example). pybind11's FindPythonLibsNew must
    # find a real interpreter (a pyenv shim of an absent version fails).
    py = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else shutil.which("python3")
    second = cmake(src, os.path.join(d, "cmake-build-ibv"), common + [
        "-DYLT_ENABLE_IBV=ON", "-DENABLE_pybind11=ON", "-DENABLE_rpc_pybind11=ON",
        "-DPYTHON_EXECUTABLE=" + py], os.path.join(d, "cmake-ibv.log"))
    first_files = {e["file"] for e in first}
    added = [e for e in second if e["file"] not in first_files]
    full = first + added
    keep = coroutine_subset(full)
    write_db(ctx, n, os.path.join(d, "build"), keep,
             "coroutine TUs of %d files (%d from the first configure, %d added by the ibverbs/pybind11 one)"
             % (len({e['file'] for e in full}), len(first_files), len({e['file'] for e in added})),
             missing, src)


def make_muduo(ctx):
    n = "muduo"
    src, missing = checkout(ctx, n)
    d = ctx.corpus_dir(n)
    full = cmake(src, os.path.join(d, "cmake-build"), [
        "-G", "Ninja", "-DCMAKE_C_COMPILER=clang-19", "-DCMAKE_CXX_COMPILER=clang++-19",
        "-DCMAKE_BUILD_TYPE=Debug", "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON", "-DMUDUO_BUILD_EXAMPLES=ON"],
        os.path.join(d, "cmake.log"))
    # Only the library and its tests: files under src/muduo/base and
    # src/muduo/net (not protoc's rpc.pb.cc, which is in the build
    # directory), and of those only the ones clang-19 parses: TimeZone.cc and
    # EventLoopThreadPool.cc fail under -Werror (VLA extension).
    under = tuple(os.path.join(src, "muduo", p) + os.sep for p in ("base", "net"))
    cand = one_per_file([e for e in full if os.path.normpath(e["file"]).startswith(under)])
    keep, dropped = parsing_entries(n, cand, src)
    write_db(ctx, n, os.path.join(d, "build"), keep,
             "%d entries under muduo/base and muduo/net, %d dropped as not parsing (%s)"
             % (len(cand), len(dropped), ", ".join(os.path.relpath(e["file"], src) for e in dropped)),
             missing, src)


def make_cmake_c(ctx, n, cmake_dir, options, what):
    """A C codebase built by CMake with clang-19: one entry per C file
    (assembly files are no C). cmake_dir: the CMake project, relative to the
    checkout."""
    src, missing = checkout(ctx, n)
    d = ctx.corpus_dir(n)
    full = cmake(os.path.join(src, cmake_dir), os.path.join(d, "cmake-build"), [
        "-G", "Ninja", "-DCMAKE_C_COMPILER=clang-19", "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON"] + options,
        os.path.join(d, "cmake.log"))
    keep = one_per_file([e for e in full if e["file"].endswith(".c")])
    write_db(ctx, n, os.path.join(d, "build"), keep, "%d C files of %s" % (len(keep), what),
             missing, src)


def make_zstd(ctx):
    make_cmake_c(ctx, "zstd", os.path.join("build", "cmake"), [
        "-DZSTD_BUILD_TESTS=OFF", "-DZSTD_BUILD_CONTRIB=OFF", "-DZSTD_MULTITHREAD_SUPPORT=ON",
        "-DZSTD_BUILD_SHARED=OFF", "-DZSTD_LEGACY_SUPPORT=OFF"],
        "the static library and the zstd program, multithreaded")


def make_xz(ctx):
    # liblzma (its multithreaded encoder and decoder) and the xz programs.
    make_cmake_c(ctx, "xz", "", [
        "-DBUILD_TESTING=OFF", "-DENABLE_THREADS=posix", "-DBUILD_SHARED_LIBS=OFF", "-DXZ_NLS=OFF"],
        "liblzma and the xz programs, POSIX threads")


def make_libuv(ctx):
    # The library and its test runner (each test's threads, the thread
    # pool, uv_async_send across threads).
    make_cmake_c(ctx, "libuv", "", [
        "-DLIBUV_BUILD_TESTS=ON", "-DLIBUV_BUILD_BENCH=OFF"],
        "libuv and its test runner")


def make_nng(ctx):
    # The library (its own thread layer over pthreads: task queues, the
    # aio framework, the reap thread) and the demos and tools CMake builds.
    make_cmake_c(ctx, "nng", "", [
        "-DNNG_TESTS=OFF", "-DNNG_ENABLE_TLS=OFF", "-DBUILD_SHARED_LIBS=OFF"],
        "the nng library and its tools")


def make_redis(ctx):
    """By hand: the C files of src/Makefile's REDIS_SERVER_OBJ (the server,
    its threads: background jobs in bio.c, I/O threads in networking.c),
    each compiled in src/ with the Makefile's include directories, no
    allocator (-DREDIS_STATIC= as the Makefile's default)."""
    n = "redis"
    src, missing = checkout(ctx, n)
    d = ctx.corpus_dir(n)
    srcdir = os.path.join(src, "src")
    makefile = open(os.path.join(srcdir, "Makefile")).read()
    m = re.search(r"^REDIS_SERVER_OBJ=((?:.*\\\n)*.*)$", makefile, re.M)
    objs = m.group(1).replace("\\\n", " ").split()
    files = [os.path.join(srcdir, o[:-2] + ".c") for o in objs if o.endswith(".o")]
    # release.c includes release.h, which the Makefile generates first.
    if not os.path.exists(os.path.join(srcdir, "release.h")):
        run(["sh", "mkreleasehdr.sh"], cwd=srcdir)
    inc = ["-I../deps/" + x for x in ["hiredis", "linenoise", "lua/src", "hdr_histogram", "fpconv",
                                      "fast_float"]]
    entries = [{"directory": srcdir, "file": f,
                "arguments": ["clang-19", "-std=gnu11", "-w", "-DREDIS_STATIC="] + inc + ["-c", f]}
               for f in files]
    write_db(ctx, n, os.path.join(d, "build"), entries,
             "hand-written: %d C files of REDIS_SERVER_OBJ" % len(entries), missing, src)


HTTPLIB_DEFINES = ["-DCPPHTTPLIB_OPENSSL_SUPPORT", "-DCPPHTTPLIB_ZLIB_SUPPORT", "-DCPPHTTPLIB_BROTLI_SUPPORT",
                   "-DCPPHTTPLIB_ZSTD_SUPPORT", "-DCPPHTTPLIB_USE_NON_BLOCKING_GETADDRINFO"]


def make_cpp_httplib(ctx):
    """By hand after test/Makefile and example/Makefile: test/*.cc,
    test/fuzzing/*.{cc,cpp}, example/*.cc, benchmark/cpp-httplib/main.cpp,
    each compiled in its Makefile's directory with -I<repo> (httplib.h as user
    code, not -isystem)."""
    n = "cpp-httplib"
    src, missing = checkout(ctx, n)
    d = ctx.corpus_dir(n)
    base = ["clang++-19", "-std=c++11", "-pthread"] + HTTPLIB_DEFINES
    test_dir = os.path.join(src, "test")
    test_inc = ["-I" + src, "-I" + test_dir, "-I" + os.path.join(test_dir, "gtest"),
                "-I" + os.path.join(test_dir, "gtest", "include")]
    groups = [
        (sorted(glob.glob(os.path.join(test_dir, "*.cc"))), test_dir, test_inc),
        (sorted(glob.glob(os.path.join(test_dir, "fuzzing", "*.cc")) +
                glob.glob(os.path.join(test_dir, "fuzzing", "*.cpp"))), test_dir,
         test_inc + ["-I" + os.path.join(test_dir, "fuzzing")]),
        (sorted(glob.glob(os.path.join(src, "example", "*.cc"))), os.path.join(src, "example"), ["-I" + src]),
        ([os.path.join(src, "benchmark", "cpp-httplib", "main.cpp")], os.path.join(src, "benchmark"),
         ["-I" + src]),
    ]
    entries = []
    for files, cwd, inc in groups:
        for f in files:
            # Windows' own header test: windows.h is not on a Debian
            # machine, so the TU cannot be analysed here.
            if os.path.basename(f) == "include_windows_h.cc":
                continue
            entries.append({"directory": cwd, "file": f, "arguments": base + inc + ["-c", f]})
    write_db(ctx, n, os.path.join(d, "build"), entries, "hand-written (Makefile flags)", missing, src)


def make_thread_pool(ctx):
    """By hand: the one test TU with compile_cpp.yaml's clang++ flags minus
    -march, -stdlib and the modules' defines."""
    n = "thread-pool"
    src, missing = checkout(ctx, n)
    d = ctx.corpus_dir(n)
    f = os.path.join(src, "tests", "BS_thread_pool_test.cpp")
    args = ["clang++-19", "-std=c++17", "-Iinclude", "-pthread", "-DBS_THREAD_POOL_NATIVE_EXTENSIONS",
            "-Wall", "-Wextra", "-Wconversion", "-Wsign-conversion", "-Wpedantic", "-Wshadow", "-Weffc++",
            "-Wdocumentation", "-c", f]
    write_db(ctx, n, os.path.join(d, "build"), [{"directory": src, "file": f, "arguments": args}],
             "hand-written", missing, src)


def make_c_thread_pool(ctx):
    """By hand: the library with each program that uses it (example.c and
    the tests' programs), one entry per C file, with its tests' flags."""
    n = "c-thread-pool"
    src, missing = checkout(ctx, n)
    d = ctx.corpus_dir(n)
    files = ["thpool.c", "example.c"] + sorted(
        os.path.join("tests", "src", os.path.basename(f))
        for f in glob.glob(os.path.join(src, "tests", "src", "*.c")))
    entries = [{"directory": src, "file": os.path.join(src, f),
                "arguments": ["clang-19", "-std=gnu99", "-pthread", "-I" + src, "-c", f]}
               for f in files]
    write_db(ctx, n, os.path.join(d, "build"), entries, "hand-written", missing, src)


def make_mbrossard_threadpool(ctx):
    """By hand: the Makefile's three test programs and the library, one
    entry per C file, with its CFLAGS."""
    n = "mbrossard-threadpool"
    src, missing = checkout(ctx, n)
    d = ctx.corpus_dir(n)
    files = ["src/threadpool.c", "tests/heavy.c", "tests/shutdown.c", "tests/thrdtest.c"]
    entries = [{"directory": src, "file": os.path.join(src, f),
                "arguments": ["clang-19", "-D_REENTRANT", "-Wall", "-pedantic", "-Isrc", "-c", f]}
               for f in files]
    write_db(ctx, n, os.path.join(d, "build"), entries, "hand-written", missing, src)


def make_bzip3(ctx):
    """By hand: the library and the command-line tool built with its
    threads (PTHREAD, as configure --enable-... with pthreads finds them),
    one entry per C file."""
    n = "bzip3"
    src, missing = checkout(ctx, n)
    d = ctx.corpus_dir(n)
    files = ["src/libbz3.c", "src/main.c"]
    entries = [{"directory": src, "file": os.path.join(src, f),
                "arguments": ["clang-19", "-std=c99", "-DPTHREAD", "-DVERSION=\"dev\"", "-pthread",
                              "-Iinclude", "-c", f]}
               for f in files]
    write_db(ctx, n, os.path.join(d, "build"), entries, "hand-written", missing, src)


def make_lz4(ctx):
    """By hand: the library and the command-line tool, with the programs'
    Makefile flags for the threaded build (its pthread probe succeeds on
    Linux: -DLZ4IO_MULTITHREAD, -pthread), one entry per C file."""
    n = "lz4"
    src, missing = checkout(ctx, n)
    d = ctx.corpus_dir(n)
    files = sorted(os.path.relpath(f, src)
                   for f in glob.glob(os.path.join(src, "lib", "*.c")) +
                   glob.glob(os.path.join(src, "programs", "*.c")))
    entries = [{"directory": src, "file": os.path.join(src, f),
                "arguments": ["clang-19", "-O3", "-Ilib", "-DXXH_NAMESPACE=LZ4_",
                              "-DLZ4IO_MULTITHREAD", "-pthread", "-c", f]}
               for f in files]
    write_db(ctx, n, os.path.join(d, "build"), entries, "hand-written", missing, src)


def make_pbzip2(ctx):
    """By hand: the one source file, with the Makefile's large-file
    defines."""
    n = "pbzip2"
    src, missing = checkout(ctx, n)
    d = ctx.corpus_dir(n)
    f = os.path.join(src, "pbzip2.cpp")
    args = ["clang++-19", "-D_LARGEFILE64_SOURCE", "-D_FILE_OFFSET_BITS=64", "-c", f]
    write_db(ctx, n, os.path.join(d, "build"), [{"directory": src, "file": f, "arguments": args}],
             "hand-written", missing, src)


def automake_entries(n, build, targets, compiler, suffix, libtool=False):
    """Compile database entries from an automake build's `make -n V=1
    TARGETS`: each compile of one SUFFIX source by COMPILER, without the
    dependency-tracking flags, the first command per file. With LIBTOOL, a
    libtool compile line (`... libtool --tag=CC --mode=compile COMPILER ...`)
    counts as the COMPILER command it wraps (the libtool prefix dropped)."""
    r = subprocess.run(["make", "-n", "V=1"] + targets, cwd=build,
                       capture_output=True, text=True, check=True)
    entries, seen = [], set()
    for line in r.stdout.splitlines():
        if libtool and " --mode=compile " in line:
            line = line.split(" --mode=compile ", 1)[1].lstrip()
        # The suffix rule's form: `depbase=...;\` then `COMPILER ... &&\`,
        # then `mv -f $depbase.Tpo $depbase.Po` on a line of its own.
        line = re.sub(r"\s*&&\s*\\$", "", line)
        if not line.startswith(compiler + " ") or " -c " not in line:
            continue
        # Automake's VPATH idiom: `test -f 'x.c' || echo '../src/'`x.c
        line = re.sub(r"`test -f '([^']+)' \|\| echo '([^']+)'`(\S+)",
                      lambda m: m.group(3) if os.path.exists(os.path.join(build, m.group(1)))
                      else m.group(2) + m.group(3), line)
        args, words, i = [], shlex.split(line), 0
        while i < len(words):       # drop the dependency-tracking flags
            w = words[i]
            if w in ("-MT", "-MF", "-MQ"):
                i += 2
                continue
            if w in ("-MD", "-MP", "-MMD"):
                i += 1
                continue
            args.append(w)
            i += 1
        srcs = [a for a in args if a.endswith(suffix)]
        if len(srcs) != 1:
            sys.exit("%s: cannot tell the source of: %s" % (n, line))
        f = os.path.normpath(os.path.join(build, srcs[0]))
        if f in seen:               # deduped by file: the first command wins
            continue
        seen.add(f)
        entries.append({"directory": build, "file": f, "arguments": args})
    return entries


def make_memcached(ctx):
    # Held out (split "test"): set up only; its sources are not to be read.
    n = "memcached"
    src, missing = checkout(ctx, n)
    d = ctx.corpus_dir(n)
    build = os.path.join(d, "build")
    if not os.path.exists(os.path.join(src, "configure")):
        run(["./autogen.sh"], cwd=src, out=os.path.join(d, "autogen.log"))
    os.makedirs(build, exist_ok=True)
    if not os.path.exists(os.path.join(build, "Makefile")):
        run([os.path.relpath(os.path.join(src, "configure"), build), "CC=clang-19", "--enable-tls"],
            cwd=build, out=os.path.join(d, "configure.log"))
    entries = automake_entries(n, build, ["all", "sizes", "testapp", "timedrun"], "clang-19", ".c")
    write_db(ctx, n, build, entries, "from make -n V=1 all sizes testapp timedrun", missing, src)


def make_btop(ctx):
    """btop's CMake build with clang-19 and libc++ 19 (btop is C++23 and uses
    std::ranges::to, which Debian 12's libstdc++ 12 lacks; libc++-19-dev),
    filtered to the program's own C++ TUs: src/*.cpp and src/linux/*.cpp
    (main, the runner thread, the Linux collectors with their PCIe threads),
    not the intel_gpu_top C files nor the unit tests; of those only the ones
    clang-19 parses (all of them at the labels' commit)."""
    n = "btop"
    src, missing = checkout(ctx, n)
    d = ctx.corpus_dir(n)
    full = cmake(src, os.path.join(d, "cmake-build"), [
        "-G", "Ninja", "-DCMAKE_C_COMPILER=clang-19", "-DCMAKE_CXX_COMPILER=clang++-19",
        "-DCMAKE_CXX_FLAGS=-stdlib=libc++", "-DCMAKE_BUILD_TYPE=Debug",
        "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON"],
        os.path.join(d, "cmake.log"))
    dirs = (os.path.join(src, "src"), os.path.join(src, "src", "linux"))
    cand = one_per_file([e for e in full if e["file"].endswith(".cpp")
                         and os.path.dirname(os.path.normpath(e["file"])) in dirs])
    keep, dropped = parsing_entries(n, cand, src)
    write_db(ctx, n, os.path.join(d, "build"), keep,
             "%d C++ entries under src/ and src/linux, %d dropped as not parsing" % (len(cand), len(dropped)),
             missing, src)


def make_mjpg_streamer(ctx):
    """mjpg-streamer-experimental's CMake build (its default Release flags)
    with clang-19: the mjpg_streamer program (mjpg_streamer.c, utils.c) and
    every plugin whose dependencies Debian 12 has (input_file, input_http,
    input_uvc, output_file, output_http, output_rtsp, output_udp,
    output_viewer with libsdl1.2-dev, output_zmqserver with libzmq3-dev and
    protobuf-c; not input_opencv, input_raspicam, input_ptp2), all in one
    database although each plugin is a shared library main dlopens. Kept:
    the C files of the work tree (not the generated package.pb-c.c, whose
    header output_zmqserver.c includes, so it is generated), one entry per
    file, those clang-19 parses (all of them at the labels' commit)."""
    n = "mjpg-streamer"
    src, missing = checkout(ctx, n)
    d = ctx.corpus_dir(n)
    full = cmake(os.path.join(src, "mjpg-streamer-experimental"), os.path.join(d, "cmake-build"), [
        "-G", "Ninja", "-DCMAKE_C_COMPILER=clang-19", "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON"],
        os.path.join(d, "cmake.log"))
    cand = one_per_file([e for e in full if e["file"].endswith(".c")
                         and os.path.normpath(e["file"]).startswith(src + os.sep)])
    keep, dropped = parsing_entries(n, cand, src)
    write_db(ctx, n, os.path.join(d, "build"), keep,
             "%d C entries of the work tree (of %d CMake entries), %d dropped as not parsing"
             % (len(cand), len(full), len(dropped)), missing, src)


def make_wrk(ctx):
    """By hand after the Makefile: its SRC list (wrk.c net.c ssl.c aprintf.c
    stats.c script.c units.c ae.c zmalloc.c http_parser.c; ae.c includes
    ae_epoll.c itself), each compiled in src/ with its Linux CFLAGS. The
    bundled dependencies stay out: OpenSSL is Debian's (libssl-dev, as the
    Makefile's WITH_OPENSSL; the snapshot lacks deps/openssl-*.tar.gz), and
    LuaJIT's headers come from unzipping deps/LuaJIT-2.1.zip next to the work
    tree (no LuaJIT is built); the generated bytecode.c and version.o are no
    TUs of the project's own text."""
    n = "wrk"
    src, missing = checkout(ctx, n)
    d = ctx.corpus_dir(n)
    lj = os.path.join(d, "deps")
    if not os.path.exists(os.path.join(lj, "LuaJIT-2.1", "src", "lua.h")):
        os.makedirs(lj, exist_ok=True)
        run(["unzip", "-q", "-o", os.path.join(src, "deps", "LuaJIT-2.1.zip"), "LuaJIT-2.1/src/*.h",
             "-d", lj])
    srcdir = os.path.join(src, "src")
    files = ["wrk.c", "net.c", "ssl.c", "aprintf.c", "stats.c", "script.c", "units.c", "ae.c",
             "zmalloc.c", "http_parser.c"]
    flags = ["-std=c99", "-Wall", "-O2", "-D_REENTRANT", "-D_POSIX_C_SOURCE=200112L", "-D_BSD_SOURCE",
             "-D_DEFAULT_SOURCE", "-I" + os.path.join(lj, "LuaJIT-2.1", "src")]
    entries = [{"directory": srcdir, "file": os.path.join(srcdir, f),
                "arguments": ["clang-19"] + flags + ["-c", f]} for f in files]
    write_db(ctx, n, os.path.join(d, "build"), entries,
             "hand-written: the Makefile's %d C files" % len(entries), missing, src)


def make_masscan(ctx):
    """By hand after the Makefile: SRC is every src/*.c, each compiled from
    the top of the work tree with its Linux CFLAGS (-g -ggdb -Wall -O2; no
    INCLUDES, DEFINES or FLAGS2 on Linux, -lpthread only at the link), and
    src/main-conf.c with -DGIT="$(git describe --tags)" as its own rule.
    libpcap and PF_RING are loaded at run time (stub-pcap.c, stub-pfring.c),
    so no other headers are needed."""
    n = "masscan"
    src, missing = checkout(ctx, n)
    d = ctx.corpus_dir(n)
    gitver = subprocess.run(["git", "-C", src, "describe", "--tags"],
                            capture_output=True, text=True).stdout.strip() or "unknown"
    files = sorted(os.path.relpath(f, src) for f in glob.glob(os.path.join(src, "src", "*.c")))
    flags = ["-g", "-ggdb", "-Wall", "-O2"]
    entries = [{"directory": src, "file": os.path.join(src, f),
                "arguments": ["clang-19"] + flags + ["-c", f] +
                             (['-DGIT="%s"' % gitver] if f == os.path.join("src", "main-conf.c") else [])}
               for f in files]
    keep, dropped = parsing_entries(n, entries, src)
    write_db(ctx, n, os.path.join(d, "build"), keep,
             "hand-written: the Makefile's src/*.c, %d C files, %d dropped as not parsing"
             % (len(entries), len(dropped)), missing, src)


def configure_out_of_tree(src, build, d, args):
    """`autoreconf -ivf` in the work tree SRC (once), then its configure with
    ARGS in BUILD (once), logs in D."""
    if not os.path.exists(os.path.join(src, "configure")):
        run(["autoreconf", "-ivf"], cwd=src, out=os.path.join(d, "autoreconf.log"))
    os.makedirs(build, exist_ok=True)
    if not os.path.exists(os.path.join(build, "Makefile")):
        run([os.path.relpath(os.path.join(src, "configure"), build)] + args,
            cwd=build, out=os.path.join(d, "configure.log"))


def make_memtier_benchmark(ctx):
    """autoreconf, then `../src/configure CC=clang-19 CXX=clang++-19` in
    build/ (TLS on, its default: libevent_openssl, libssl), the compile lines
    of `make -n V=1 memtier_benchmark` (version.h generated first, as its
    BUILT_SOURCES), dependency flags dropped, one per file: the program's own
    C++ files, not the bundled deps/hdr_histogram C files."""
    n = "memtier_benchmark"
    src, missing = checkout(ctx, n)
    d = ctx.corpus_dir(n)
    build = os.path.join(d, "build")
    configure_out_of_tree(src, build, d, ["CC=clang-19", "CXX=clang++-19"])
    if not os.path.exists(os.path.join(build, "version.h")):
        run(["make", "version.h"], cwd=build, out=os.path.join(d, "version.log"))
    entries = automake_entries(n, build, ["memtier_benchmark"], "clang++-19", ".cpp")
    keep, dropped = parsing_entries(n, entries, src)
    write_db(ctx, n, build, keep,
             "from make -n V=1 memtier_benchmark: %d C++ files, %d dropped as not parsing"
             % (len(entries), len(dropped)), missing, src)


def make_axel(ctx):
    """autoreconf -ivf in the work tree, then `../src/configure CC=clang-19
    --disable-Werror` in build/ (OpenSSL, its default: libssl; gettext; the
    AX_PTHREAD flags), and the compile lines of `make -n V=1 src/axel-X.o...`
    (one object per src/X.c: the 17 axel_SOURCES with SSL on) with the
    dependency-tracking flags dropped, one per file, those clang-19 parses;
    the LIBOBJS stand-ins lib/strlcpy.c and lib/strlcat.c are left out.
    configure.ac asks for Autoconf 2.72 (AC_PREREQ) and Debian 12 has 2.71,
    which otherwise generates it as is: the AC_PREREQ line of the work tree
    is lowered to 2.71 before autoreconf (autoreconf -f also rewrites
    po/*.sin; no source file is touched). --disable-Werror: a git work tree
    is no release to AX_IS_RELEASE, so AX_COMPILER_FLAGS would add -Werror."""
    n = "axel"
    src, missing = checkout(ctx, n)
    d = ctx.corpus_dir(n)
    build = os.path.join(d, "build")
    ac = os.path.join(src, "configure.ac")
    with open(ac) as f:
        text = f.read()
    if "AC_PREREQ([2.72])" in text:
        with open(ac, "w") as f:
            f.write(text.replace("AC_PREREQ([2.72])", "AC_PREREQ([2.71])"))
    configure_out_of_tree(src, build, d, ["CC=clang-19", "--disable-Werror"])
    # The program's own objects, src/axel-X.o for each src/X.c (all 17 are
    # axel_SOURCES with SSL on); not `make -n axel`, whose LIBOBJS lines
    # (lib/strlcpy.c, lib/strlcat.c: BSD compat glibc 2.36 lacks) are not in
    # automake's one-command form.
    objs = ["src/axel-%s.o" % os.path.basename(f)[:-2]
            for f in sorted(glob.glob(os.path.join(src, "src", "*.c")))]
    entries = automake_entries(n, build, objs, "clang-19", ".c")
    keep, dropped = parsing_entries(n, entries, src)
    write_db(ctx, n, build, keep,
             "from make -n V=1 of the %d src/axel-*.o: %d dropped as not parsing" % (len(entries), len(dropped)),
             missing, src)


def make_siege(ctx):
    """autoreconf -iv in the work tree, then `./configure CC=clang-19` in the
    work tree itself (OpenSSL, zlib and uuid found by its own probes; -D_REENTRANT
    -D_POSIX_PTHREAD_SEMANTICS): src/Makefile.am's -I../include names the
    source tree's include/ (joedog/*.h) and the configured include/config.h
    at once, so an out-of-tree build does not compile. The compile lines of
    `make -n V=1 siege` in src/ (the 39 C files of siege_SOURCES; automake's
    no-dependencies, so no dependency flags), one per file, those clang-19
    parses. libtoolize refreshes m4/libtool.m4, m4/ltversion.m4 and
    utils/ltmain.sh; no source file is touched."""
    n = "siege"
    src, missing = checkout(ctx, n)
    d = ctx.corpus_dir(n)
    if not os.path.exists(os.path.join(src, "configure")):
        run(["autoreconf", "-iv"], cwd=src, out=os.path.join(d, "autoreconf.log"))
    if not os.path.exists(os.path.join(src, "src", "Makefile")):
        run(["./configure", "CC=clang-19"], cwd=src, out=os.path.join(d, "configure.log"))
    entries = automake_entries(n, os.path.join(src, "src"), ["siege"], "clang-19", ".c")
    keep, dropped = parsing_entries(n, entries, src)
    write_db(ctx, n, os.path.join(d, "build"), keep,
             "from make -n V=1 siege in src/: %d C files, %d dropped as not parsing" % (len(entries), len(dropped)),
             missing, src)


def make_twemproxy(ctx):
    """autoreconf -ivf in the work tree, then `../src/configure CC=clang-19`
    in build/ (epoll, stats on, debug logs and asserts off: its defaults;
    config.h in build/), and the compile lines of `make -n V=1` for the
    object of each of twemproxy's own C files: src/X.o in build/src (the 18
    nutcracker_SOURCES and test_all.c, the unit-test program built from the
    same files; its main is a program of its own to concur), and the
    members of libhashkit.a (11), libproto.a (2) and libevent.a (3; only
    nc_epoll.c has code on Linux, nc_kqueue.c and nc_evport.c are #ifdef'd
    out) in their directories, dependency flags dropped, one per file,
    those clang-19 parses. src/Makefile.am names the bundled libyaml's
    headers in the source tree (-I $(top_srcdir)/contrib/yaml-0.2.5/include),
    which configure untars only in an in-tree build (AC_CONFIG_COMMANDS_PRE
    `tar xvfz contrib/yaml-0.2.5.tar.gz -C contrib`, which fails harmlessly
    in build/): the tarball is extracted into the work tree first, as that
    step would (contrib/yaml-0.2.5 is gitignored; AC_CONFIG_SUBDIRS then
    configures it in build/contrib). The yaml C files are not the project's
    own text and are not in the database."""
    n = "twemproxy"
    src, missing = checkout(ctx, n)
    d = ctx.corpus_dir(n)
    build = os.path.join(d, "build")
    if not os.path.exists(os.path.join(src, "contrib", "yaml-0.2.5", "include", "yaml.h")):
        run(["tar", "xfz", os.path.join("contrib", "yaml-0.2.5.tar.gz"), "-C", "contrib"], cwd=src)
    configure_out_of_tree(src, build, d, ["CC=clang-19"])
    entries = []
    for sub in ("src", "src/hashkit", "src/proto", "src/event"):
        objs = [os.path.basename(f)[:-2] + ".o" for f in sorted(glob.glob(os.path.join(src, sub, "*.c")))]
        entries += automake_entries(n, os.path.join(build, sub), objs, "clang-19", ".c")
    keep, dropped = parsing_entries(n, entries, src)
    write_db(ctx, n, build, keep,
             "from make -n V=1 of the objects of src/*.c (nutcracker's and test_all.c) and "
             "src/{hashkit,proto,event}/*.c: %d C files, %d dropped as not parsing"
             % (len(entries), len(dropped)), missing, src)


def make_bwa(ctx):
    """By hand after the Makefile: every C file of the top of the work tree
    (36), i.e. the objects of `bwa` (LOBJS of libbwa.a, AOBJS and main.o:
    35) and example.o of its other program bwamem-lite, each compiled there
    with the Makefile's `.c.o` rule: CFLAGS (-g -Wall -Wno-unused-function
    -O3) and DFLAGS (-DHAVE_PTHREAD -DUSE_MALLOC_WRAPPERS); INCLUDES is
    empty, -lm -lz -lpthread -lrt are only at the link (zlib's header:
    zlib1g-dev). Those clang-19 parses."""
    n = "bwa"
    src, missing = checkout(ctx, n)
    d = ctx.corpus_dir(n)
    files = sorted(os.path.basename(f) for f in glob.glob(os.path.join(src, "*.c")))
    flags = ["-g", "-Wall", "-Wno-unused-function", "-O3", "-DHAVE_PTHREAD", "-DUSE_MALLOC_WRAPPERS"]
    entries = [{"directory": src, "file": os.path.join(src, f),
                "arguments": ["clang-19", "-c"] + flags + [f, "-o", f[:-2] + ".o"]} for f in files]
    keep, dropped = parsing_entries(n, entries, src)
    write_db(ctx, n, os.path.join(d, "build"), keep,
             "hand-written: the Makefile's %d C files (bwa and bwamem-lite), %d dropped as not parsing"
             % (len(entries), len(dropped)), missing, src)
MHD_EXAMPLES = ["benchmark", "demo", "fileserver_example", "minimal_example"]


def make_libmicrohttpd(ctx):
    """autoreconf -ivf in the work tree (what `bootstrap` falls back to;
    its uncrustify hook and the contrib/build-common submodule are not
    needed), then `../src/configure CC=clang-19 --disable-https
    --disable-doc` in build/ (HTTPS off so that the TU set does not depend on
    whether GnuTLS happens to be installed: it is not in APT; docs off:
    no makeinfo; everything else its defaults: POSIX threads, eventfd ITC,
    poll and epoll, sendfile, messages, postprocessor, basic and digest
    auth, upgrade, no debug asserts). The compile lines of `make -n V=1
    libmicrohttpd.la` in build/src/microhttpd (the library's libtool
    compiles of the 21 libmicrohttpd_la_SOURCES this configure selects,
    the libtool prefix dropped), and of the objects of four example
    programs in build/src/examples whose mains start the daemon with
    internal threads: benchmark (thread pool, MHD_OPTION_THREAD_POOL_SIZE,
    epoll), demo (MHD_USE_AUTO internal polling thread with a thread pool and
    its own pthread mutex), fileserver_example (MHD_USE_THREAD_PER_CONNECTION)
    and minimal_example (MHD_USE_AUTO internal polling thread); dependency
    flags dropped, one per file, those clang-19 parses. The library's
    test_*.c programs and the other examples are not in the database."""
    n = "libmicrohttpd"
    src, missing = checkout(ctx, n)
    d = ctx.corpus_dir(n)
    build = os.path.join(d, "build")
    configure_out_of_tree(src, build, d, ["CC=clang-19", "--disable-https", "--disable-doc"])
    entries = automake_entries(n, os.path.join(build, "src", "microhttpd"), ["libmicrohttpd.la"],
                               "clang-19", ".c", libtool=True)
    ex_dir = os.path.join(build, "src", "examples")
    objs = []
    for prog in MHD_EXAMPLES:
        r = subprocess.run(["make", "-s", "--eval=print-%: ; @echo $($*)", "print-%s_OBJECTS" % prog],
                           cwd=ex_dir, capture_output=True, text=True, check=True)
        objs += r.stdout.split()
    entries += automake_entries(n, ex_dir, objs, "clang-19", ".c")
    keep, dropped = parsing_entries(n, entries, src)
    write_db(ctx, n, build, keep,
             "from make -n V=1 libmicrohttpd.la (libtool compiles) and of the objects of %s: "
             "%d C files, %d dropped as not parsing" % (", ".join(MHD_EXAMPLES), len(entries), len(dropped)),
             missing, src)


NPB_CLASS = "S"   # NPB-OMP/Makefile's default CLASS


def npb_params(src):
    """Each NPB benchmark includes its npbparams.hpp, which no commit holds:
    NPB's own `config` step writes it (builds sys/setparams with make.def's
    UCC, g++, and runs `setparams <bench> <class>` in the benchmark's dir)."""
    omp = os.path.join(src, "NPB-OMP")
    for b in ("BT", "CG", "EP", "FT", "IS", "LU", "MG", "SP"):
        if not os.path.exists(os.path.join(omp, b, "npbparams.hpp")):
            run(["make", "-s", "-C", os.path.join(omp, b), "CLASS=" + NPB_CLASS, "config"],
                out=os.path.join(os.path.dirname(src), "setparams-%s.log" % b))


def make_omp(ctx):
    """LULESH, NPB-CPP, Rodinia: work trees, then eval/openmp/make_db.py."""
    omp_root = None
    for name in ("LULESH", "NPB-CPP", "rodinia"):
        src, missing = checkout(ctx, name)
        omp_root = os.path.dirname(os.path.dirname(src))
        ctx.summary.append({"corpus": name, "src": src, "commit": ctx.labels[name]["commit"],
                            "database": None, "missing": missing})
        if name == "NPB-CPP":
            npb_params(src)
    run([sys.executable, os.path.join(EVAL, "openmp", "make_db.py"), omp_root])
    for name, build in (("LULESH", "build"), ("NPB-CPP", "build"), ("rodinia", "build"),
                        ("rodinia-heldout", "build-heldout")):
        path = os.path.join(omp_root, "rodinia" if name.startswith("rodinia") else name, build,
                            "compile_commands.json")
        entries = read_db(path)
        row = next((r for r in ctx.summary if r["corpus"] == name), None)
        if row is None:
            row = {"corpus": name, "src": os.path.join(omp_root, "rodinia", "src"),
                   "commit": ctx.labels[name]["commit"], "missing": []}
            ctx.summary.append(row)
        row.update({"database": path, "entries": len(entries), "files": len({e["file"] for e in entries}),
                    "note": "eval/openmp/make_db.py"})


# Second databases of a codebase, for the race check, in ROOT/C/build-races:
# name -> the codebase C whose checkout they use.
RACES_DB = {"async_simple-races": "async_simple"}

CORPORA = {
    "async_simple": make_async_simple,
    "async_simple-races": make_async_simple_races,
    "cinatra": make_cinatra,
    "corral": make_corral,
    "cppcoro": make_cppcoro,
    "yaclib": make_yaclib,
    "yalantinglibs": make_yalantinglibs,
    "cpp-httplib": make_cpp_httplib,
    "memcached": make_memcached,
    "muduo": make_muduo,
    "thread-pool": make_thread_pool,
    "pbzip2": make_pbzip2,
    "bzip3": make_bzip3,
    "lz4": make_lz4,
    "btop": make_btop,
    "mjpg-streamer": make_mjpg_streamer,
    "nng": make_nng,
    "c-thread-pool": make_c_thread_pool,
    "mbrossard-threadpool": make_mbrossard_threadpool,
    "zstd": make_zstd,
    "xz": make_xz,
    "libuv": make_libuv,
    "redis": make_redis,
    "wrk": make_wrk,
    "masscan": make_masscan,
    "memtier_benchmark": make_memtier_benchmark,
    "axel": make_axel,
    "siege": make_siege,
    "twemproxy": make_twemproxy,
    "bwa": make_bwa,
    "libmicrohttpd": make_libmicrohttpd,
    "omp": make_omp,
}


def check_db(path):
    entries = read_db(path)
    res = check_entries(entries)
    bad = [(e, errs) for e, ok, errs in res if not ok]
    for e, errs in bad:
        log("  parse FAILS: %s: %s" % (e["file"], errs[:1]))
    return len(entries), len(bad)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    ap.add_argument("names", nargs="*", help="corpora to make, or `all`")
    ap.add_argument("--root", default=DEFAULT_ROOT, help="where corpora go (default %(default)s)")
    ap.add_argument("--mirrors", default="/work/.mirror",
                    help="directory holding <owner>+<name>[/repo] git dirs (default %(default)s)")
    ap.add_argument("--mirror", action="append", default=[], metavar="CODEBASE=GITDIR",
                    help="git directory for one codebase (its labels' codebase name)")
    ap.add_argument("--check", action="store_true",
                    help="then run clang-19 -fsyntax-only on every TU of each database made")
    ap.add_argument("--check-only", action="store_true", help="only check existing databases")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--apt", action="store_true", help="print the apt-get command for the dependencies")
    args = ap.parse_args()

    if args.apt:
        print("apt-get install -y " + " ".join(APT))
        return
    labels = load_labels()
    if args.list:
        for n in CORPORA:
            names = ["LULESH", "NPB-CPP", "rodinia"] if n == "omp" else [RACES_DB.get(n, n)]
            for m in names:
                l = labels[m]
                files = [l["labels_file"]] + l.get("more_labels_files", [])
                if n in RACES_DB:
                    files = [f for f in files if f.startswith("eval/races/")]
                else:
                    files = files[:1] if m in RACES_DB.values() else files
                print("%-14s %-32s %s  %s" % (n, l["repository"], l["commit"][:12], " ".join(files)))
        return
    names = list(CORPORA) if args.names == ["all"] else args.names
    unknown = [n for n in names if n not in CORPORA]
    if unknown or not names:
        ap.error("unknown corpus %s; known: %s, all" % (unknown, ", ".join(CORPORA)))
    ctx = Ctx(args, labels)
    for n in names:
        if args.check_only:
            continue
        log("==== " + n)
        CORPORA[n](ctx)
    if args.check_only:
        for n in names:
            if n == "omp":
                base = os.path.join(args.root, "omp")
                dbs = [os.path.join(base, p, "compile_commands.json")
                       for p in ("LULESH/build", "NPB-CPP/build", "rodinia/build", "rodinia/build-heldout")]
            elif n in RACES_DB:
                dbs = [os.path.join(ctx.corpus_dir(RACES_DB[n]), "build-races", "compile_commands.json")]
            else:
                dbs = [os.path.join(ctx.corpus_dir(n), "build", "compile_commands.json")]
            for p in dbs:
                ctx.summary.append({"corpus": n, "database": p})
    for row in ctx.summary:
        if row.get("database"):
            print("%-16s %s" % (row["corpus"], row["database"]))
            if row.get("src"):
                print("    src %s @ %s" % (row["src"], row["commit"]))
            if "entries" in row:
                print("    %d entries, %d files; %s" % (row["entries"], row["files"], row.get("note", "")))
            if row.get("missing"):
                print("    not in the snapshot (left out): %s" % ", ".join(row["missing"]))
            if args.check or args.check_only:
                total, bad = check_db(row["database"])
                print("    clang-19 -fsyntax-only: %d of %d parse" % (total - bad, total))
        elif row.get("missing"):
            print("%-16s not in the snapshot (left out): %s" % (row["corpus"], ", ".join(row["missing"])))


if __name__ == "__main__":
    main()
