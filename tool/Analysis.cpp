//===- Analysis.cpp - The pipeline, start to finish -----------------------===//

#include "tool/Analysis.h"

#include "catalog/ConfigSet.h"
#include "checks/ExecutionModelCheck.h"
#include "checks/WorkEstimate.h"
#include "compdb/CompilationSetup.h"
#include "facts/ExtractFacts.h"
#include "facts/FactCache.h"
#include "report/Fingerprint.h"
#include "tool/CacheSafety.h"
#include "tool/ProjectConfig.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <mutex>
#include <optional>
#include <set>

namespace concur {

#ifndef CONCUR_VERSION
#define CONCUR_VERSION "0.0.0"
#endif

bool runAnalysis(const AnalysisRequest &Request, AnalysisResult &Result,
                 std::string &Error) {
  std::vector<const CheckInfo *> Checks;
  if (!selectChecks(Request.CheckFilter, Checks, Error))
    return false;

  for (const std::string &F : Request.Files)
    if (!llvm::sys::fs::exists(F)) {
      Error = "source file '" + F + "' does not exist";
      return false;
    }

  auto Setup = CompilationSetup::load(
      Request.BuildPath, Request.Files,
      Request.HasFixedArgs ? &Request.FixedArgs : nullptr, Error);
  if (!Setup)
    return false;

  // Whole-program facts come from every file of the database; findings are
  // shown for the files asked about.
  std::vector<std::string> Files = Setup->allFiles();
  std::set<std::string> Wanted;
  for (const std::string &F : Request.Files)
    Wanted.insert(absolutePath(F));

  // A file the database lists but cannot give a command for is a failure
  // to report, never silently dropped: "0 files analysed" must not pass.
  std::vector<CompileJob> Jobs;
  for (const std::string &F : Files) {
    CompileJob Job;
    std::string Why;
    if (!Setup->jobFor(F, Job, Why)) {
      Job.File = F;
      Job.CommandError = Why;
    }
    Jobs.push_back(std::move(Job));
  }
  std::set<std::string> Known;
  for (const CompileJob &J : Jobs)
    Known.insert(J.File);
  for (const std::string &F : Wanted)
    if (!Known.count(F)) {
      CompileJob Job;
      if (!Setup->jobFor(F, Job, Error))
        return false;
      Jobs.push_back(std::move(Job));
    }

  std::vector<std::string> JobFiles;
  for (const CompileJob &J : Jobs)
    JobFiles.push_back(J.File);
  // .concur.yaml: every check some file's options turn on runs; each
  // finding is then judged by the options of its own file.
  ProjectConfigs Options(Request.InlineConfig);
  if (!checksForFiles(Options, JobFiles, Request.CheckFilter, Checks, Error))
    return false;
  ConfigSet Configs;
  if (!Configs.load(JobFiles, Request.ConfigPath, Error))
    return false;

  // Files that fail before any parse: an unusable command, a bad config.
  std::map<std::string, std::string> Unanalysable;
  for (const CompileJob &J : Jobs)
    if (!J.CommandError.empty())
      Unanalysable[J.File] = J.CommandError;
    else if (const std::string *Why = Configs.problemFor(J.File))
      Unanalysable[J.File] = *Why;
  // A bad config that leaves nothing to analyse is one line, not one per
  // file.
  if (Unanalysable.size() == Jobs.size())
    for (const CompileJob &J : Jobs)
      if (const std::string *Why = Configs.problemFor(J.File)) {
        Error = *Why;
        return false;
      }

  std::vector<FileFacts> Facts(Jobs.size());
  std::optional<FactCache> Cache;
  if (!Request.CacheDir.empty()) {
    if (!prepareCacheDirectory(Request.CacheDir, Error))
      return false;
    Cache.emplace(Request.CacheDir);
  }
  std::atomic<unsigned> FromCache{0};
  // On a terminal, a progress line: large databases take minutes.
  bool ShowProgress =
      !Request.Quiet && llvm::sys::Process::StandardErrIsDisplayed();
  std::atomic<unsigned> Finished{0};
  std::mutex ProgressLock;
  auto Progress = [&] {
    unsigned Done = ++Finished;
    if (!ShowProgress)
      return;
    std::lock_guard<std::mutex> Guard(ProgressLock);
    llvm::errs() << "\rconcur: analysed " << Done << " of " << Jobs.size()
                 << " files";
    llvm::errs().flush();
  };
  {
    llvm::ThreadPoolStrategy Strategy =
        llvm::hardware_concurrency(Request.Jobs);
    llvm::DefaultThreadPool Pool(Strategy);
    for (size_t I = 0; I < Jobs.size(); ++I)
      Pool.async([&, I] {
        auto Unusable = Unanalysable.find(Jobs[I].File);
        if (Unusable != Unanalysable.end()) {
          Facts[I].File = Jobs[I].File;
          Facts[I].FirstError = Unusable->second;
          Progress();
          return;
        }
        const Catalog &Cat = Configs.forFile(Jobs[I].File);
        if (Cache)
          if (std::optional<FileFacts> Cached =
                  Cache->load(Jobs[I], Cat.fingerprint());
              Cached && plausibleCachedFacts(*Cached)) {
            Facts[I] = std::move(*Cached);
            ++FromCache;
            Progress();
            return;
          }
        Facts[I] = extractFacts(Jobs[I], Cat);
        if (Cache)
          Cache->store(Jobs[I], Cat.fingerprint(), Facts[I]);
        Progress();
      });
    Pool.wait();
  }
  if (ShowProgress)
    llvm::errs() << "\r\033[K";
  std::sort(
      Facts.begin(), Facts.end(),
      [](const FileFacts &A, const FileFacts &B) { return A.File < B.File; });
  // Even under --quiet: an error nobody sees is a CI gate failing for no
  // reason anyone can find. Only clang's own output is kept back.
  for (const FileFacts &F : Facts) {
    if (F.Parsed)
      continue;
    llvm::errs() << "concur: error: cannot analyse '" << displayPath(F.File);
    if (Unanalysable.count(F.File))
      llvm::errs() << "': " << F.FirstError << "\n";
    else
      llvm::errs() << "' (fix the code or its compile flags); first error: "
                   << F.FirstError << "\n";
  }

  Result.Whole = Program::merge(std::move(Facts));

  RunReport &R = Result.Report;
  if (Cache)
    R.Stats["files_from_cache"] = FromCache;
  R.ToolVersion = CONCUR_VERSION;
  R.CompileDatabase = Setup->source();
  R.Files = Result.Whole.files();
  for (const CheckInfo *C : Checks) {
    R.Checks.push_back(C->Name);
    std::vector<Finding> Found;
    C->Create()->run(Result.Whole, Found, R.Stats);
    for (Finding &F : Found)
      if (Wanted.empty() || Wanted.count(F.Loc.File))
        R.Findings.push_back(std::move(F));
  }
  std::set<std::string> MainFiles(Files.begin(), Files.end());
  MainFiles.insert(Wanted.begin(), Wanted.end());
  if (!applyProjectOptions(Options, MainFiles, Request.CheckFilter, R.Findings,
                           Error))
    return false;
  sortFindings(R.Findings);
  if (!Request.ProjectRoot.empty())
    R.ProjectRoot = absolutePath(Request.ProjectRoot);
  else if (Request.HasFixedArgs)
    R.ProjectRoot = defaultProjectRoot(".", Files);
  else
    R.ProjectRoot = defaultProjectRoot(
        llvm::sys::path::parent_path(Setup->source()).str(), Files);
  fingerprintFindings(Result.Whole, R.ProjectRoot, R.Findings);

  const WorkEstimate &Work = WorkEstimate::of(Result.Whole);
  R.Functions = Work.toJson();
  R.Advice = adviceJson(adviseExecutionModels(Result.Whole, Work));
  return true;
}

} // namespace concur
