// A real authoritative DNS server (Debian's nsd) for tests: serves the zones it is given on a
// free loopback port from a scratch directory, in the foreground, and stops with the test.
//
//   snai::testing::NsdServer dns({{"com", "taken NS ns1.host.net.\n"}});
//   ASSERT_TRUE(dns.ready()) << dns.log();
//   resolver servers = {dns.address()};   // "127.0.0.1:PORT"
//   dns.stop();                            // the server is gone: queries time out / are refused
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "support/process.hpp"

namespace snai::testing {

class NsdServer {
 public:
  // zone name ("com") → records below the SOA/NS the helper writes itself ($ORIGIN is the zone).
  explicit NsdServer(const std::map<std::string, std::string>& zones);
  ~NsdServer();
  NsdServer(const NsdServer&) = delete;
  NsdServer& operator=(const NsdServer&) = delete;

  bool ready() const { return ready_; }   // answering on port()
  int port() const { return port_; }
  std::string address() const { return "127.0.0.1:" + std::to_string(port_); }
  void stop();                            // SIGTERM, waits until the port is closed
  std::string log() const;

 private:
  std::filesystem::path dir_;
  int port_ = 0;
  bool ready_ = false;
  std::unique_ptr<BackgroundProcess> process_;
};

}  // namespace snai::testing
