// DNS lookups through c-ares against the configured resolver(s): many names at once with
// bounded concurrency, c-ares' per-try timeout, our own retries with exponential backoff for
// timeouts/SERVFAIL/REFUSED, and a hard deadline. The verdict is what the server said:
// `exists` (NOERROR: an NS answer, a referral, or other data), `nxdomain` (rcode 3, the
// evidence a name is free when the TLD itself is live), or `failed` with the reason.
//
//   DnsResolver dns({.servers = {"127.0.0.1:5353"}});
//   auto answers = dns.lookup({"example.com", "free-name.com"}, DnsQueryType::ns,
//                             std::chrono::steady_clock::now() + std::chrono::seconds(3));
#pragma once

#include <chrono>
#include <span>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace snai::availability {

struct DnsOptions {
  std::vector<std::string> servers;  // "127.0.0.1:5353", "[::1]:53"; empty: /etc/resolv.conf
  int timeout_ms = 1000;             // first try; c-ares grows it on later tries
  int tries = 2;                     // c-ares tries per attempt (across the servers)
  int attempts = 3;                  // our attempts per name, with backoff between them
  int backoff_ms = 100;              // before attempt 2; doubles afterwards
  int max_in_flight = 64;            // queries outstanding at once
};

enum class DnsQueryType { ns, soa };
enum class DnsVerdict { exists, nxdomain, failed };

struct DnsAnswer {
  std::string domain;
  DnsVerdict verdict = DnsVerdict::failed;
  std::string detail;  // "NS answer", "referral", "NXDOMAIN", "timeout after 3 attempts", ...
  int attempts = 0;
};

class DnsResolver {
 public:
  // Fails when a server address cannot be parsed.
  static Result<DnsResolver> create(DnsOptions options);

  // One answer per domain, in input order. Returns by `deadline`: names still unanswered then
  // are `failed` with "time budget exhausted". Thread-safe (one c-ares channel per call).
  std::vector<DnsAnswer> lookup(std::span<const std::string> domains, DnsQueryType type,
                                std::chrono::steady_clock::time_point deadline) const;

  const DnsOptions& options() const { return options_; }

 private:
  explicit DnsResolver(DnsOptions options) : options_(std::move(options)) {}
  DnsOptions options_;
  std::string servers_csv_;
};

}  // namespace snai::availability
