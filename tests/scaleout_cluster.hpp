// A scale-out deployment on loopback for tests: two `snai serve` instances on one fresh
// PostgreSQL database (the harness's server, SNAI_TEST_DATABASE_URL) and the harness's Redis
// (SNAI_TEST_REDIS_URL), with HAProxy (Debian `haproxy`) in front running deploy/haproxy.cfg
// itself, its ports given through the environment variables the file reads.
//
//   ScaleOutCluster cluster;              // migrate, start both instances and HAProxy
//   ASSERT_TRUE(cluster.start()) << cluster.logs();
//   auto key = cluster.create_key("alice");
//   http_request(cluster.lb_port(), "GET", "/v1/projects", "", {.headers = {{"Authorization", "Bearer " + key.secret}}});
//   cluster.instance(1).stop(SIGKILL);    // one instance dies; HAProxy marks it DOWN
//   cluster.server_states()["snai2"];     // "DOWN", from the stats page's CSV
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "support/process.hpp"
#include "support/scratch_postgres.hpp"

namespace snai::testing {

struct ApiKey {
  std::string secret;   // "snai_..."
  std::string user_id;  // the user the key belongs to
};

class ScaleOutCluster {
 public:
  ScaleOutCluster();
  ~ScaleOutCluster();
  ScaleOutCluster(const ScaleOutCluster&) = delete;
  ScaleOutCluster& operator=(const ScaleOutCluster&) = delete;

  // Migrates the fresh database, starts both instances and HAProxy, and waits until
  // HAProxy sees both instances UP. An empty string on success, else what went wrong.
  std::string start();

  ApiKey create_key(const std::string& name);  // `snai keys create --name N --json`

  static constexpr int kInstances = 2;
  BackgroundProcess& instance(int index) { return *instances_[index]; }
  void restart_instance(int index);  // a new `snai serve` on the same port (after a stop)
  bool instance_ready(int index) const;  // GET /readyz on the instance itself answers 200

  int lb_port() const { return lb_port_; }
  const std::string& database_url() const { return db_.url(); }

  // The "status" column of HAProxy's stats CSV per server of backend `snai` ("UP", "DOWN",
  // "DRAIN", "UP 1/3" ...), and any column by name, e.g. stat("snai1", "hrsp_2xx").
  std::map<std::string, std::string> server_states() const;
  std::optional<long> stat(const std::string& server, const std::string& column) const;
  bool wait_for_state(const std::string& server, const std::string& state, int timeout_ms) const;

  // One command on HAProxy's admin socket, e.g. "set server snai/snai1 state drain".
  std::string admin(const std::string& command) const;

  std::string logs() const;  // the last lines of every process's log, for failure messages

 private:
  std::map<std::string, std::string> instance_env() const;
  std::string stats_csv() const;

  ScratchPostgres db_;
  std::filesystem::path dir_;
  std::string redis_url_;
  int ports_[kInstances] = {};
  int lb_port_ = 0, stats_port_ = 0;
  std::unique_ptr<BackgroundProcess> instances_[kInstances];
  std::unique_ptr<BackgroundProcess> haproxy_;
};

std::string snai_binary();     // the snai under test (SNAI_SCALEOUT_BINARY overrides the built one)
std::string haproxy_config();  // deploy/haproxy.cfg of this checkout

}  // namespace snai::testing
