#include "api/testing/http_client.hpp"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

namespace snai::api::testing {
namespace {

class Socket {
 public:
  explicit Socket(int fd) : fd_(fd) {}
  ~Socket() {
    if (fd_ >= 0) ::close(fd_);
  }
  Socket(const Socket&) = delete;
  Socket& operator=(const Socket&) = delete;
  int fd() const { return fd_; }

 private:
  int fd_;
};

std::string errno_text(std::string_view what) { return std::string(what) + ": " + std::strerror(errno); }

Result<int> connect_to(const std::string& host, int port, std::chrono::milliseconds timeout) {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return fail(ErrorCode::unavailable, errno_text("socket"));
  timeval tv{};
  tv.tv_sec = static_cast<time_t>(timeout.count() / 1000);
  tv.tv_usec = static_cast<suseconds_t>((timeout.count() % 1000) * 1000);
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  if (::inet_pton(AF_INET, host.c_str(), &addr.sin_addr) != 1) {
    ::close(fd);
    return fail(ErrorCode::invalid_argument, "not an IPv4 address: " + host);
  }
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0) {
    auto error = errno_text("connect");
    ::close(fd);
    return fail(ErrorCode::unavailable, error);
  }
  return fd;
}

// Writes all bytes; a peer that closes early (e.g. after rejecting a body) is not an error
// here, the caller reads whatever answer came.
void write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (n <= 0) {
      if (n < 0 && errno == EINTR) continue;
      return;
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
}

std::string read_all(int fd) {
  std::string out;
  char buffer[16384];
  for (;;) {
    ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n > 0) {
      out.append(buffer, static_cast<std::size_t>(n));
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    return out;  // EOF, reset or timeout
  }
}

}  // namespace

std::optional<std::string> HttpResponse::header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (key.size() == name.size() && ::strncasecmp(key.data(), name.data(), name.size()) == 0) return value;
  }
  return std::nullopt;
}

nlohmann::json HttpResponse::json() const { return nlohmann::json::parse(body, nullptr, false); }

int find_free_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return 0;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof addr;
  int port = 0;
  if (::bind(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) == 0 &&
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
    port = ntohs(addr.sin_port);
  }
  ::close(fd);
  return port;
}

Result<std::string> send_raw(int port, std::string_view bytes, const RequestOptions& options) {
  auto fd = connect_to(options.host, port, options.timeout);
  if (!fd) return fail(fd.error());
  Socket socket(*fd);
  write_all(socket.fd(), bytes);
  ::shutdown(socket.fd(), SHUT_WR);
  return read_all(socket.fd());
}

Result<HttpResponse> http_request(int port, std::string_view method, std::string_view target, std::string_view body,
                                  const RequestOptions& options) {
  std::string request;
  request.append(method).append(" ").append(target).append(" HTTP/1.1\r\n");
  request.append("Host: ").append(options.host).append(":").append(std::to_string(port)).append("\r\n");
  request.append("Connection: close\r\n");
  for (const auto& [name, value] : options.headers) request.append(name).append(": ").append(value).append("\r\n");
  if (!body.empty() || method == "POST" || method == "PUT" || method == "PATCH") {
    request.append("Content-Length: ").append(std::to_string(body.size())).append("\r\n");
  }
  request.append("\r\n").append(body);

  // No SHUT_WR here: a server may treat a half-closed request as abandoned.
  auto fd = connect_to(options.host, port, options.timeout);
  if (!fd) return fail(fd.error());
  Socket socket(*fd);
  write_all(socket.fd(), request);
  std::string raw = read_all(socket.fd());
  if (raw.empty()) return fail(ErrorCode::unavailable, "connection closed without a response");
  return parse_response(raw);
}

Result<HttpResponse> parse_response(std::string_view raw) {
  const auto head_end = raw.find("\r\n\r\n");
  if (!raw.starts_with("HTTP/1.") || head_end == std::string_view::npos || raw.size() < 12) {
    return fail(ErrorCode::invalid_argument, "not an HTTP response: " + std::string(raw.substr(0, 64)));
  }
  HttpResponse response;
  response.status = std::atoi(std::string(raw.substr(9, 3)).c_str());
  std::string_view head = raw.substr(0, head_end);
  head.remove_prefix(std::min(head.size(), head.find("\r\n") == std::string_view::npos ? head.size()
                                                                                        : head.find("\r\n") + 2));
  while (!head.empty()) {
    auto line_end = head.find("\r\n");
    std::string_view line = head.substr(0, line_end);
    head.remove_prefix(line_end == std::string_view::npos ? head.size() : line_end + 2);
    auto colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    response.headers.emplace_back(std::string(line.substr(0, colon)), std::string(value));
  }
  std::string_view body = raw.substr(head_end + 4);
  if (auto length = response.header("Content-Length")) {
    body = body.substr(0, std::min<std::size_t>(body.size(), std::stoul(*length)));
  }
  response.body = std::string(body);
  return response;
}

}  // namespace snai::api::testing
