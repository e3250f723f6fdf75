// Runs the real `snai` binary from tests: once to completion (capturing output and exit
// code), or in the background (a server) with a way to signal and reap it.
#pragma once

#include <map>
#include <string>
#include <sys/types.h>
#include <vector>

namespace snai::testing {

struct Outcome {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

struct Invocation {
  std::vector<std::string> args;              // argv[0] is the program
  std::map<std::string, std::string> env;     // added to a clean environment (PATH, HOME kept)
  std::string cwd;                            // empty: the test's working directory
  std::string stdin_text;
};

Outcome run(const Invocation& invocation);

class BackgroundProcess {
 public:
  explicit BackgroundProcess(const Invocation& invocation);  // stdout/stderr go to a log file
  ~BackgroundProcess();                                      // SIGKILL if still running
  BackgroundProcess(const BackgroundProcess&) = delete;
  BackgroundProcess& operator=(const BackgroundProcess&) = delete;

  bool running();
  int stop(int signal_number, int timeout_ms = 5000);  // the exit code, or -1 after a forced kill
  std::string log() const;

 private:
  pid_t pid_ = -1;
  int status_ = -1;
  std::string log_path_;
};

// A TCP port on 127.0.0.1 that was free a moment ago.
int free_port();

// curl's answer: "200", or "000" when nothing answered.
std::string http_status(int port, const std::string& path);

}  // namespace snai::testing
