// RDAP domain lookups (RFC 7480/9082/9083) through libcurl. The server for a TLD comes from
// the IANA bootstrap file (`dns.json`, RFC 9224). GET {base}domain/{name}: 404 → not found,
// 200 → registered (status and registration/expiration events parsed), 429 → wait out
// Retry-After when the time budget allows, else failed. Bounded concurrency overall and per
// server, a per-server request rate shared by every call on one client, retries with backoff.
//
//   auto bootstrap = RdapBootstrap::load("var/data/rdap-dns.json");
//   auto rdap = RdapClient::create(*bootstrap, {});
//   auto answers = rdap->lookup({"example.com"}, steady_clock::now() + 5s);
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.hpp"

namespace snai::availability {

class RdapBootstrap {
 public:
  // {"services": [[["com","net"], ["https://rdap.verisign.com/com/v1/"]], ...]}
  static Result<RdapBootstrap> parse(std::string_view json);
  static Result<RdapBootstrap> load(const std::filesystem::path& file);

  // The base URL (ending in '/') for a TLD, preferring https; nullopt when no service is listed.
  std::optional<std::string> base_url(std::string_view tld) const;
  std::size_t size() const { return by_tld_.size(); }

 private:
  std::unordered_map<std::string, std::string> by_tld_;
};

struct RdapOptions {
  int timeout_ms = 4000;          // per request (cut to what the budget has left)
  int attempts = 3;               // per name
  int backoff_ms = 200;           // before attempt 2 after an error; doubles afterwards
  int max_in_flight = 16;
  int per_server_in_flight = 4;
  double per_server_rate = 10;    // requests per second per RDAP server, across calls
  std::size_t max_body_bytes = 1 << 20;
  std::string user_agent = "snai/0.1 (StartupNameAI availability check)";
};

enum class RdapVerdict { registered, not_found, failed };

struct RdapAnswer {
  std::string domain;
  RdapVerdict verdict = RdapVerdict::failed;
  std::string detail;                // "404", "200", "timeout", "429 Retry-After 30 s exceeds the budget", ...
  int http_status = 0;
  int attempts = 0;
  std::vector<std::string> status;   // RFC 9083 status values, e.g. "client hold", "active"
  std::string registered_at;         // the "registration" event's date, when given
  std::string expires_at;            // the "expiration" event's date
  bool reserved = false;             // the registry marks the name reserved
  bool premium = false;              // the registry marks the name premium
};

class RdapClient {
 public:
  static Result<RdapClient> create(RdapBootstrap bootstrap, RdapOptions options);

  // One answer per domain ("name.tld", lower-case ASCII), in input order, by `deadline`.
  // Thread-safe; the per-server rate limit is shared by concurrent calls.
  std::vector<RdapAnswer> lookup(std::span<const std::string> domains,
                                 std::chrono::steady_clock::time_point deadline) const;

  const RdapBootstrap& bootstrap() const;

  struct State;

 private:
  explicit RdapClient(std::shared_ptr<State> state) : state_(std::move(state)) {}
  std::shared_ptr<State> state_;
};

// Reads a 200 answer's JSON into `answer` (status, events, reserved/premium flags).
void parse_rdap_domain(std::string_view body, RdapAnswer& answer);

}  // namespace snai::availability
