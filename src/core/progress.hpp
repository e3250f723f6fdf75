// Progress of long jobs (snai data build): a bar with the stage name on a terminal, one line
// per stage otherwise (CI logs, pipes).
//
//   snai::TerminalProgress progress;
//   progress.begin_stage("lexicon", 1, 4);
//   progress.update(0.5, "reading data.noun");
//   progress.end_stage("built in 3.1 s");
#pragma once

#include <chrono>
#include <cstdio>
#include <mutex>
#include <string>
#include <string_view>

namespace snai {

class Progress {
 public:
  virtual ~Progress() = default;
  virtual void begin_stage(std::string_view name, int index, int total) = 0;
  virtual void update(double fraction, std::string_view detail = {}) = 0;  // fraction in [0, 1]
  virtual void end_stage(std::string_view summary) = 0;
};

class TerminalProgress final : public Progress {
 public:
  explicit TerminalProgress(std::FILE* out = stderr);
  void begin_stage(std::string_view name, int index, int total) override;
  void update(double fraction, std::string_view detail) override;
  void end_stage(std::string_view summary) override;

 private:
  void draw(double fraction, std::string_view detail);

  std::FILE* out_;
  bool tty_;
  std::mutex mu_;
  std::string label_;
  int last_percent_ = -1;
  std::chrono::steady_clock::time_point last_draw_{};
};

// Discards everything (tests, --json runs).
class SilentProgress final : public Progress {
 public:
  void begin_stage(std::string_view, int, int) override {}
  void update(double, std::string_view) override {}
  void end_stage(std::string_view) override {}
};

}  // namespace snai
