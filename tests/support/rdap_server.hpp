// A local RDAP server for tests, speaking the registry protocol (RFC 7480 HTTP, RFC 9083 JSON):
// GET /rdap/domain/NAME answers 404 for free names, 200 with `status` and `events` for taken
// ones, 429 with Retry-After for names set to be rate limited, and can be made slow.
//
//   snai::testing::RdapServer rdap;
//   rdap.set_taken("stripe.com", {"client transfer prohibited", "active"});
//   rdap.set_rate_limited("busy.com", 1, 1);       // first request: 429, Retry-After: 1
//   rdap.set_delay(std::chrono::seconds(5));       // every answer waits 5 s
//   bootstrap: {"services":[[["com"],[rdap.base_url()]]]}
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace snai::testing {

class RdapServer {
 public:
  RdapServer();
  ~RdapServer();
  RdapServer(const RdapServer&) = delete;
  RdapServer& operator=(const RdapServer&) = delete;

  int port() const { return port_; }
  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/rdap/"; }

  void set_taken(const std::string& domain, std::vector<std::string> status,
                 std::string registered = "2001-05-17T04:00:00Z", std::string expires = "2031-05-17T04:00:00Z");
  // The first `times` requests for `domain` get 429 with `Retry-After: retry_after_s`.
  void set_rate_limited(const std::string& domain, int times, int retry_after_s);
  void set_status(const std::string& domain, int http_status);  // e.g. 500
  void set_delay(std::chrono::milliseconds delay);
  int requests(const std::string& domain) const;
  int total_requests() const { return total_; }

 private:
  struct Taken {
    std::vector<std::string> status;
    std::string registered, expires;
  };
  void serve();
  void handle(int fd);
  std::string respond(const std::string& path);

  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<int> total_{0};
  mutable std::mutex mu_;
  std::condition_variable wake_;
  std::map<std::string, Taken> taken_;
  std::map<std::string, std::pair<int, int>> limited_;  // domain → (times left, retry-after)
  std::map<std::string, int> forced_status_;
  std::map<std::string, int> requests_;
  std::chrono::milliseconds delay_{0};
  std::thread acceptor_;
  std::vector<std::thread> workers_;
};

}  // namespace snai::testing
