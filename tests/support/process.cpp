#include "support/process.hpp"

#include <arpa/inet.h>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <netinet/in.h>
#include <poll.h>
#include <sstream>
#include <stdexcept>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace snai::testing {
namespace {

std::vector<std::string> environment_for(const Invocation& inv) {
  std::vector<std::string> env;
  for (const char* keep : {"PATH", "HOME", "LANG", "TMPDIR", "ASAN_OPTIONS", "UBSAN_OPTIONS"})
    if (const char* v = std::getenv(keep)) env.push_back(std::string(keep) + "=" + v);
  for (const auto& [k, v] : inv.env) env.push_back(k + "=" + v);
  return env;
}

[[noreturn]] void exec_child(const Invocation& inv) {
  if (!inv.cwd.empty() && chdir(inv.cwd.c_str()) != 0) _exit(126);
  std::vector<char*> argv, envp;
  for (const auto& a : inv.args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  static std::vector<std::string> env;
  env = environment_for(inv);
  for (auto& e : env) envp.push_back(e.data());
  envp.push_back(nullptr);
  execve(argv[0], argv.data(), envp.data());
  _exit(127);
}

int decode_status(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

}  // namespace

Outcome run(const Invocation& inv) {
  int out_pipe[2], err_pipe[2], in_pipe[2];
  if (pipe(out_pipe) || pipe(err_pipe) || pipe(in_pipe)) throw std::runtime_error("pipe failed");
  pid_t pid = fork();
  if (pid == 0) {
    dup2(in_pipe[0], 0);
    dup2(out_pipe[1], 1);
    dup2(err_pipe[1], 2);
    for (int fd : {out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1], in_pipe[0], in_pipe[1]}) close(fd);
    exec_child(inv);
  }
  close(out_pipe[1]);
  close(err_pipe[1]);
  close(in_pipe[0]);
  if (!inv.stdin_text.empty()) (void)!write(in_pipe[1], inv.stdin_text.data(), inv.stdin_text.size());
  close(in_pipe[1]);
  Outcome outcome;
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  std::string* sinks[2] = {&outcome.out, &outcome.err};
  int open_fds = 2;
  while (open_fds > 0) {
    if (poll(fds, 2, 60000) <= 0) break;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP))) continue;
      char buf[4096];
      ssize_t n = read(fds[i].fd, buf, sizeof buf);
      if (n <= 0) {
        close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      } else {
        sinks[i]->append(buf, static_cast<std::size_t>(n));
      }
    }
  }
  int status = 0;
  waitpid(pid, &status, 0);
  outcome.exit_code = decode_status(status);
  return outcome;
}

BackgroundProcess::BackgroundProcess(const Invocation& inv) {
  char path[] = "/tmp/snai_bg_XXXXXX";
  int fd = mkstemp(path);
  log_path_ = path;
  pid_ = fork();
  if (pid_ == 0) {
    dup2(fd, 1);
    dup2(fd, 2);
    close(fd);
    exec_child(inv);
  }
  close(fd);
}

BackgroundProcess::~BackgroundProcess() {
  if (running()) stop(SIGKILL, 2000);
  unlink(log_path_.c_str());
}

bool BackgroundProcess::running() {
  if (pid_ <= 0 || status_ != -1) return false;
  int status = 0;
  if (waitpid(pid_, &status, WNOHANG) == pid_) {
    status_ = status;
    return false;
  }
  return true;
}

int BackgroundProcess::stop(int signal_number, int timeout_ms) {
  if (running()) kill(pid_, signal_number);
  for (int waited = 0; running() && waited < timeout_ms; waited += 20)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  if (running()) {
    kill(pid_, SIGKILL);
    waitpid(pid_, &status_, 0);
    return -1;
  }
  return status_ == -1 ? -1 : decode_status(status_);
}

std::string BackgroundProcess::log() const {
  std::ifstream in(log_path_);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

int free_port() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  close(fd);
  return ntohs(addr.sin_port);
}

std::string http_status(int port, const std::string& path) {
  auto outcome = run({.args = {"/usr/bin/curl", "-s", "-o", "/dev/null", "-m", "2", "-w", "%{http_code}",
                               "http://127.0.0.1:" + std::to_string(port) + path}});
  return outcome.out;
}

}  // namespace snai::testing
