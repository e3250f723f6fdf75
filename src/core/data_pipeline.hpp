// The `snai data build` machinery: an ordered list of stages, each turning input files
// (installed packages or earlier stages' artifacts) into artifacts under the data dir.
// A stage is skipped when its code version and the fingerprint of its inputs match the
// manifest (<data_dir>/manifest.json) and its outputs are there; outputs are written to
// temporary paths and renamed only when the stage succeeds, so a failed or interrupted build
// never leaves a half-written artifact. Missing inputs are all reported up front, each with
// the package that provides it.
//
//   DataPipeline pipeline;
//   pipeline.add({.name = "lexicon", .version = 1,
//                 .inputs = {{"/usr/share/wordnet", "wordnet-base"}},
//                 .outputs = {"lexicon.bin"},
//                 .run = [](const StageRun& run) { return build_lexicon(..., run.output(0), ...); }});
//   auto report = pipeline.run("var/data", {.force = false}, progress);
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/progress.hpp"
#include "core/result.hpp"

namespace snai {

struct StageInput {
  std::filesystem::path path;  // a file or a directory; relative paths are inside the data dir
  std::string provider;        // what to install when it is missing: "the Debian package wordnet-base"
};

class StageRun {
 public:
  StageRun(std::filesystem::path data_dir, std::vector<std::filesystem::path> temp_outputs, Progress& progress)
      : data_dir_(std::move(data_dir)), outputs_(std::move(temp_outputs)), progress_(progress) {}
  const std::filesystem::path& data_dir() const { return data_dir_; }
  // Where to write output `i` (a temporary path, renamed into place after success).
  const std::filesystem::path& output(std::size_t i) const { return outputs_.at(i); }
  Progress& progress() const { return progress_; }

 private:
  std::filesystem::path data_dir_;
  std::vector<std::filesystem::path> outputs_;
  Progress& progress_;
};

struct Stage {
  std::string name;
  int version = 1;       // bump when the stage's code changes what it writes
  std::string settings;  // configuration the output depends on ("M=24 ef=200"): a change rebuilds
  std::vector<StageInput> inputs;
  std::vector<std::filesystem::path> outputs;  // file names inside the data dir
  std::function<Status(const StageRun&)> run;
};

struct StageOutcome {
  std::string name;
  bool built = false;  // false: skipped, up to date
  double seconds = 0;
  std::uintmax_t bytes = 0;  // total size of the outputs
};

struct PipelineOptions {
  bool force = false;  // rebuild every stage
};

class DataPipeline {
 public:
  void add(Stage stage) { stages_.push_back(std::move(stage)); }
  const std::vector<Stage>& stages() const { return stages_; }

  // Inputs that do not exist (checked before anything is built), as "path (install X)" lines.
  std::vector<std::string> missing_inputs(const std::filesystem::path& data_dir) const;

  Result<std::vector<StageOutcome>> run(const std::filesystem::path& data_dir, const PipelineOptions& options,
                                        Progress& progress) const;

 private:
  std::vector<Stage> stages_;
};

// A fingerprint of files: path, size and modification time of each (directories: of every
// regular file below them), hashed. Changes when any input is replaced or touched. Paths under
// `base` (the data dir) count by their place inside it, however `base` is spelt.
std::string fingerprint_inputs(const std::vector<std::filesystem::path>& paths, const std::filesystem::path& base = {});

}  // namespace snai
