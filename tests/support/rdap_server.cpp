#include "support/rdap_server.hpp"

#include <arpa/inet.h>
#include <nlohmann/json.hpp>
#include <netinet/in.h>
#include <poll.h>
#include <stdexcept>
#include <sys/socket.h>
#include <unistd.h>

namespace snai::testing {

RdapServer::RdapServer() {
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  int one = 1;
  ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(listen_fd_, 64) != 0)
    throw std::runtime_error("rdap server: cannot listen");
  socklen_t len = sizeof addr;
  ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
  port_ = ntohs(addr.sin_port);
  acceptor_ = std::thread([this] { serve(); });
}

RdapServer::~RdapServer() {
  stopping_ = true;
  wake_.notify_all();
  acceptor_.join();
  for (auto& w : workers_) w.join();
  ::close(listen_fd_);
}

void RdapServer::set_taken(const std::string& domain, std::vector<std::string> status, std::string registered,
                           std::string expires) {
  std::lock_guard lock(mu_);
  taken_[domain] = {std::move(status), std::move(registered), std::move(expires)};
}

void RdapServer::set_rate_limited(const std::string& domain, int times, int retry_after_s) {
  std::lock_guard lock(mu_);
  limited_[domain] = {times, retry_after_s};
}

void RdapServer::set_status(const std::string& domain, int http_status) {
  std::lock_guard lock(mu_);
  forced_status_[domain] = http_status;
}

void RdapServer::set_delay(std::chrono::milliseconds delay) {
  std::lock_guard lock(mu_);
  delay_ = delay;
}

int RdapServer::requests(const std::string& domain) const {
  std::lock_guard lock(mu_);
  auto it = requests_.find(domain);
  return it == requests_.end() ? 0 : it->second;
}

void RdapServer::serve() {
  while (!stopping_) {
    pollfd p{listen_fd_, POLLIN, 0};
    if (::poll(&p, 1, 50) <= 0) continue;
    int fd = ::accept(listen_fd_, nullptr, nullptr);
    if (fd < 0) continue;
    workers_.emplace_back([this, fd] { handle(fd); });
  }
}

void RdapServer::handle(int fd) {
  std::string request;
  char buf[4096];
  while (request.find("\r\n\r\n") == std::string::npos) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 2000) <= 0) break;
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n <= 0) break;
    request.append(buf, static_cast<std::size_t>(n));
  }
  std::string path;
  if (request.rfind("GET ", 0) == 0) path = request.substr(4, request.find(' ', 4) - 4);
  ++total_;
  {
    std::unique_lock lock(mu_);
    if (delay_.count() > 0) wake_.wait_for(lock, delay_, [this] { return stopping_.load(); });
  }
  std::string response = respond(path);
  std::size_t sent = 0;
  while (sent < response.size()) {
    ssize_t n = ::send(fd, response.data() + sent, response.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<std::size_t>(n);
  }
  ::close(fd);
}

std::string RdapServer::respond(const std::string& path) {
  const std::string prefix = "/rdap/domain/";
  int status = 404;
  std::string extra_headers;
  nlohmann::json body = {{"errorCode", 404}, {"title", "Not Found"},
                         {"description", {"The domain you are seeking is not registered"}}};
  if (path.rfind(prefix, 0) != 0) {
    body = {{"errorCode", 400}, {"title", "Bad Request"}};
    status = 400;
  } else {
    std::string domain = path.substr(prefix.size());
    std::lock_guard lock(mu_);
    ++requests_[domain];
    auto limited = limited_.find(domain);
    auto forced = forced_status_.find(domain);
    auto taken = taken_.find(domain);
    if (limited != limited_.end() && limited->second.first > 0) {
      --limited->second.first;
      status = 429;
      extra_headers = "Retry-After: " + std::to_string(limited->second.second) + "\r\n";
      body = {{"errorCode", 429}, {"title", "Too Many Requests"}};
    } else if (forced != forced_status_.end()) {
      status = forced->second;
      body = {{"errorCode", status}, {"title", "Error"}};
    } else if (taken != taken_.end()) {
      status = 200;
      std::string upper = domain;
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      body = {{"objectClassName", "domain"},
              {"handle", "2336799_DOMAIN_TEST-VRSN"},
              {"ldhName", upper},
              {"status", taken->second.status},
              {"events",
               {{{"eventAction", "registration"}, {"eventDate", taken->second.registered}},
                {{"eventAction", "expiration"}, {"eventDate", taken->second.expires}},
                {{"eventAction", "last update of RDAP database"}, {"eventDate", "2026-01-01T00:00:00Z"}}}},
              {"rdapConformance", {"rdap_level_0", "icann_rdap_response_profile_0"}},
              {"notices", nlohmann::json::array()}};
    }
  }
  std::string text = body.dump();
  const char* reason = status == 200 ? "OK" : status == 404 ? "Not Found" : status == 429 ? "Too Many Requests"
                                                                                            : "Error";
  return "HTTP/1.1 " + std::to_string(status) + " " + reason + "\r\nContent-Type: application/rdap+json\r\n" +
         extra_headers + "Content-Length: " + std::to_string(text.size()) + "\r\nConnection: close\r\n\r\n" + text;
}

}  // namespace snai::testing
