#include "scaleout_cluster.hpp"

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <sys/socket.h>
#include <sys/un.h>
#include <thread>
#include <unistd.h>
#include <vector>


namespace snai::testing {
namespace {

namespace fs = std::filesystem;
constexpr const char* kHaproxy = "/usr/sbin/haproxy";

std::vector<std::string> split(const std::string& text, char sep) {
  std::vector<std::string> out;
  std::string item;
  std::istringstream in(text);
  while (std::getline(in, item, sep)) out.push_back(item);
  if (!text.empty() && text.back() == sep) out.emplace_back();
  return out;
}

std::string tail(const std::string& text, std::size_t lines) {
  std::size_t start = text.size();
  for (std::size_t n = 0; n <= lines && start > 0;) {
    --start;
    if (text[start] == '\n' && ++n > lines) return text.substr(start + 1);
  }
  return text;
}

bool wait_until(int timeout_ms, const auto& done) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (!done()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return true;
}

}  // namespace

std::string snai_binary() {
  if (const char* v = std::getenv("SNAI_SCALEOUT_BINARY"); v && *v) return v;
  return SNAI_BINARY;
}

std::string haproxy_config() { return std::string(SNAI_SOURCE_DIR) + "/deploy/haproxy.cfg"; }

ScaleOutCluster::ScaleOutCluster() {
  if (const char* v = std::getenv("SNAI_TEST_REDIS_URL")) redis_url_ = v;
  dir_ = fs::temp_directory_path() / ("snai_scaleout_" + std::to_string(::getpid()));
  fs::remove_all(dir_);
  fs::create_directories(dir_);
}

ScaleOutCluster::~ScaleOutCluster() {
  if (haproxy_) haproxy_->stop(SIGTERM, 3000);
  for (auto& instance : instances_)
    if (instance) instance->stop(SIGTERM, 12000);
  fs::remove_all(dir_);
}

std::map<std::string, std::string> ScaleOutCluster::instance_env() const {
  // Storage and Redis shared by both; rate limits far above the test's load (the limits are
  // per key and shared through Redis, so both instances count against the same buckets).
  return {{"SNAI_DATA_DIR", (dir_ / "var").string()},
          {"SNAI_DATABASE_URL", db_.url()},
          {"SNAI_REDIS_URL", redis_url_},
          {"SNAI_THREADS", "2"},
          {"SNAI_DB_POOL_SIZE", "4"},
          {"SNAI_SHUTDOWN_TIMEOUT_MS", "10000"},
          {"SNAI_LIMIT_KEY_PER_MINUTE", "1000000"},
          {"SNAI_LIMIT_KEY_BURST", "100000"},
          {"SNAI_LIMIT_ANONYMOUS_PER_MINUTE", "1000000"},
          {"SNAI_LIMIT_ANONYMOUS_BURST", "100000"},
          {"SNAI_LOG_LEVEL", "warn"}};
}

std::string ScaleOutCluster::start() {
  if (db_.url().empty()) return "no PostgreSQL: SNAI_TEST_DATABASE_URL is not set (run through `make test`)";
  if (redis_url_.empty()) return "no Redis: SNAI_TEST_REDIS_URL is not set (run through `make test`)";
  if (::access(kHaproxy, X_OK) != 0) return "no /usr/sbin/haproxy: install Debian's haproxy (scripts/install-deps.sh)";
  auto migrated = run({.args = {snai_binary(), "migrate", "--json"}, .env = instance_env(), .cwd = dir_.string()});
  if (migrated.exit_code != 0) return "snai migrate failed: " + migrated.err;

  for (int i = 0; i < kInstances; ++i) {
    ports_[i] = free_port();
    restart_instance(i);
  }
  for (int i = 0; i < kInstances; ++i)
    if (!wait_until(30000, [&] { return instance_ready(i); }))
      return "instance " + std::to_string(i + 1) + " never became ready";

  lb_port_ = free_port();
  stats_port_ = free_port();
  std::map<std::string, std::string> env = {
      {"SNAI_LB_BIND", "127.0.0.1:" + std::to_string(lb_port_)},
      {"SNAI_LB_STATS_BIND", "127.0.0.1:" + std::to_string(stats_port_)},
      {"SNAI_LB_ADMIN_SOCKET", (dir_ / "haproxy.sock").string()}};
  for (int i = 0; i < kInstances; ++i)
    env["SNAI_UPSTREAM_" + std::to_string(i + 1)] = "127.0.0.1:" + std::to_string(ports_[i]);
  auto checked = run({.args = {kHaproxy, "-c", "-f", haproxy_config()}, .env = env});
  if (checked.exit_code != 0) return "haproxy -c rejects " + haproxy_config() + ": " + checked.err;
  haproxy_ = std::make_unique<BackgroundProcess>(
      Invocation{.args = {kHaproxy, "-f", haproxy_config(), "-db"}, .env = env, .cwd = dir_.string()});
  for (int i = 0; i < kInstances; ++i)
    if (!wait_for_state("snai" + std::to_string(i + 1), "UP", 20000)) return "HAProxy never saw both instances UP";
  if (!wait_until(5000, [&] { return http_status(lb_port_, "/readyz") == "200"; }))
    return "GET /readyz through HAProxy never answered 200";
  return "";
}

void ScaleOutCluster::restart_instance(int index) {
  instances_[index] = std::make_unique<BackgroundProcess>(
      Invocation{.args = {snai_binary(), "serve", "--port", std::to_string(ports_[index])},
                 .env = instance_env(),
                 .cwd = dir_.string()});
}

bool ScaleOutCluster::instance_ready(int index) const { return http_status(ports_[index], "/readyz") == "200"; }

ApiKey ScaleOutCluster::create_key(const std::string& name) {
  auto out = run({.args = {snai_binary(), "keys", "create", "--name", name, "--json"},
                  .env = instance_env(),
                  .cwd = dir_.string()});
  auto json = nlohmann::json::parse(out.out, nullptr, false);
  if (out.exit_code != 0 || !json.is_object()) return {};
  return {json.value("key", ""), json.value("user_id", "")};
}

std::string ScaleOutCluster::stats_csv() const {
  // curl: HAProxy sends the page chunked, which the tests' tiny client does not decode.
  auto out = run({.args = {"/usr/bin/curl", "-sf", "-m", "2",
                           "http://127.0.0.1:" + std::to_string(stats_port_) + "/stats;csv"}});
  return out.exit_code == 0 ? out.out : "";
}

std::optional<long> ScaleOutCluster::stat(const std::string& server, const std::string& column) const {
  auto lines = split(stats_csv(), '\n');
  if (lines.empty() || lines[0].rfind("# ", 0) != 0) return std::nullopt;
  auto header = split(lines[0].substr(2), ',');
  std::size_t at = 0;
  while (at < header.size() && header[at] != column) ++at;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    auto cells = split(lines[i], ',');
    if (cells.size() > at && cells[0] == "snai" && cells[1] == server) {
      try {
        return std::stol(cells[at]);
      } catch (const std::exception&) {
        return std::nullopt;
      }
    }
  }
  return std::nullopt;
}

std::map<std::string, std::string> ScaleOutCluster::server_states() const {
  std::map<std::string, std::string> states;
  auto lines = split(stats_csv(), '\n');
  if (lines.empty() || lines[0].rfind("# ", 0) != 0) return states;
  auto header = split(lines[0].substr(2), ',');
  std::size_t status = 0;
  while (status < header.size() && header[status] != "status") ++status;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    auto cells = split(lines[i], ',');
    if (cells.size() > status && cells[0] == "snai" && cells[1] != "BACKEND") states[cells[1]] = cells[status];
  }
  return states;
}

bool ScaleOutCluster::wait_for_state(const std::string& server, const std::string& state, int timeout_ms) const {
  return wait_until(timeout_ms, [&] { return server_states()[server] == state; });
}

std::string ScaleOutCluster::admin(const std::string& command) const {
  int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  const std::string path = (dir_ / "haproxy.sock").string();
  path.copy(addr.sun_path, sizeof addr.sun_path - 1);
  std::string reply;
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
    const std::string line = command + "\n";
    if (::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size())) {
      char buf[4096];
      for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) > 0;) reply.append(buf, static_cast<std::size_t>(n));
    }
  } else {
    reply = "cannot connect to " + path;
  }
  ::close(fd);
  return reply;
}

std::string ScaleOutCluster::logs() const {
  std::string out;
  for (int i = 0; i < kInstances; ++i)
    if (instances_[i]) out += "--- snai" + std::to_string(i + 1) + ":\n" + tail(instances_[i]->log(), 15);
  if (haproxy_) out += "--- haproxy:\n" + tail(haproxy_->log(), 25);
  return out;
}

}  // namespace snai::testing
