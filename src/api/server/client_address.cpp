#include "api/server/client_address.hpp"

#include <arpa/inet.h>
#include <array>
#include <charconv>
#include <cstring>
#include <optional>
#include "core/text.hpp"

namespace snai::api {
namespace {


// asio prints IPv6 endpoints without brackets; X-Forwarded-For may carry "[v6]" or "[v6]:port".
std::string_view strip_brackets(std::string_view s) {
  if (s.starts_with('[')) {
    auto close = s.find(']');
    if (close != std::string_view::npos) return s.substr(1, close - 1);
  }
  return s;
}

std::optional<IpAddress> parse_ip(std::string_view text) {
  text = strip_brackets(trim(text));
  if (text.empty() || text.size() > 45) return std::nullopt;
  const std::string z(text);
  IpAddress parsed;
  if (inet_pton(AF_INET, z.c_str(), parsed.bytes.data()) == 1) return parsed;
  if (inet_pton(AF_INET6, z.c_str(), parsed.bytes.data()) == 1) {
    parsed.v6 = true;
    static constexpr unsigned char kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    if (std::memcmp(parsed.bytes.data(), kMapped, 12) == 0) {  // ::ffff:a.b.c.d is IPv4
      std::memmove(parsed.bytes.data(), parsed.bytes.data() + 12, 4);
      parsed.v6 = false;
    }
    return parsed;
  }
  // "a.b.c.d:port" from proxies that add the port.
  if (auto colon = text.rfind(':'); colon != std::string_view::npos && text.find(':') == colon) {
    const std::string host(text.substr(0, colon));
    if (inet_pton(AF_INET, host.c_str(), parsed.bytes.data()) == 1) return parsed;
  }
  return std::nullopt;
}

std::string bucket_name(const IpAddress& ip) {
  char text[INET6_ADDRSTRLEN] = {};
  if (!ip.v6) {  // by hand: glibc's inet_ntop formats IPv4 with sprintf, once per request here
    char* end = text;
    for (int i = 0; i < 4; ++i) {
      if (i > 0) *end++ = '.';
      end = std::to_chars(end, text + sizeof text, ip.bytes[i]).ptr;
    }
    return std::string(text, end);
  }
  std::array<unsigned char, 16> prefix{};
  std::memcpy(prefix.data(), ip.bytes.data(), 8);
  inet_ntop(AF_INET6, prefix.data(), text, sizeof text);
  return std::string(text) + "/64";
}

bool loopback(const IpAddress& ip) {
  if (!ip.v6) return ip.bytes[0] == 127;
  static constexpr unsigned char kLoopback6[16] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
  return std::memcmp(ip.bytes.data(), kLoopback6, 16) == 0;
}

}  // namespace

bool is_loopback_address(std::string_view ip) {
  auto parsed = parse_ip(ip);
  return parsed && loopback(*parsed);
}

std::string client_address(std::string_view peer_ip, const std::vector<std::string_view>& forwarded_for) {
  auto peer = parse_ip(peer_ip);
  if (!peer) return std::string(peer_ip);  // not expected from a TCP socket; still a stable bucket
  return client_address(*peer, forwarded_for);
}

std::string client_address(const IpAddress& peer, const std::vector<std::string_view>& forwarded_for) {
  if (loopback(peer) && !forwarded_for.empty()) {
    std::string_view last = forwarded_for.back();
    if (auto comma = last.rfind(','); comma != std::string_view::npos) last = last.substr(comma + 1);
    if (auto forwarded = parse_ip(last)) return bucket_name(*forwarded);
  }
  return bucket_name(peer);
}

}  // namespace snai::api
