#include "support/nsd_server.hpp"

#include <arpa/inet.h>
#include <chrono>
#include <csignal>
#include <fstream>
#include <netinet/in.h>
#include <sstream>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace snai::testing {
namespace {

// nsd opens its TCP listener with the UDP one; a TCP connect tells us it is up.
bool accepts_tcp(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  ::close(fd);
  return ok;
}

}  // namespace

NsdServer::NsdServer(const std::map<std::string, std::string>& zones) {
  static int counter = 0;
  dir_ = std::filesystem::temp_directory_path() /
         ("snai_nsd_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
  std::filesystem::create_directories(dir_);
  port_ = free_port();
  std::ofstream conf(dir_ / "nsd.conf");
  conf << "server:\n"
       << "  ip-address: 127.0.0.1@" << port_ << "\n"
       << "  port: " << port_ << "\n"
       << "  username: \"\"\n  chroot: \"\"\n  database: \"\"\n  do-ip6: no\n  server-count: 1\n  verbosity: 1\n"
       << "  zonesdir: \"" << dir_.string() << "\"\n"
       << "  pidfile: \"" << (dir_ / "nsd.pid").string() << "\"\n"
       << "  xfrdfile: \"" << (dir_ / "xfrd.state").string() << "\"\n"
       << "  zonelistfile: \"" << (dir_ / "zone.list").string() << "\"\n"
       << "  logfile: \"" << (dir_ / "nsd.log").string() << "\"\n"
       << "remote-control:\n  control-enable: no\n";
  for (const auto& [name, records] : zones) {
    conf << "zone:\n  name: \"" << name << "\"\n  zonefile: \"" << name << ".zone\"\n";
    std::ofstream zone(dir_ / (name + ".zone"));
    zone << "$ORIGIN " << name << ".\n$TTL 300\n"
         << "@ IN SOA a.nic.test. hostmaster.nic.test. 1 3600 900 604800 300\n"
         << "@ IN NS a.nic.test.\n"
         << records;
  }
  conf.close();
  process_ = std::make_unique<BackgroundProcess>(
      Invocation{.args = {"/usr/sbin/nsd", "-d", "-c", (dir_ / "nsd.conf").string()}});
  for (int waited = 0; waited < 10000 && process_->running(); waited += 50) {
    if (accepts_tcp(port_)) {
      ready_ = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

NsdServer::~NsdServer() {
  stop();
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

void NsdServer::stop() {
  if (!process_) return;
  // SIGTERM lets nsd's main process take its server and xfrd children down with it.
  process_->stop(SIGTERM, 5000);
  for (int waited = 0; waited < 5000 && accepts_tcp(port_); waited += 50)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  ready_ = false;
}

std::string NsdServer::log() const {
  std::ifstream in(dir_ / "nsd.log");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str() + (process_ ? process_->log() : std::string());
}

}  // namespace snai::testing
