// The client address an anonymous caller is rate-limited by. X-Forwarded-For is honoured only
// when the TCP peer is a loopback address, i.e. a load balancer on the same host (deploy/:
// HAProxy in front of the instances); from anyone else it is ignored, since any client can
// send one.
//
// From a loopback proxy the RIGHT-most X-Forwarded-For entry is used: the address the proxy
// itself saw. Proxies append to what the client sent, so the left-most entry is client-supplied
// text and would let every request pick its own bucket. (One trusted hop; a chain of proxies
// would need a configured list of them.)
//
// IPv6 clients are grouped by /64 (one subscriber's usual allocation), so rotating addresses
// within it does not buy a new bucket.
//
//   client_address("127.0.0.1", {"198.51.100.7, 203.0.113.9"});  // "203.0.113.9"
//   client_address("203.0.113.9", {"1.2.3.4"});                   // "203.0.113.9"
//   client_address("2001:db8:1:2:aa:bb:cc:dd", {});               // "2001:db8:1:2::/64"
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace snai::api {

// An IP address as bytes: IPv4 in the first 4 (IPv4-mapped IPv6 addresses are stored as IPv4).
struct IpAddress {
  bool v6 = false;
  std::array<unsigned char, 16> bytes{};
};

// peer_ip: the connection's remote address as text; forwarded_for: every X-Forwarded-For field
// value in the order received.
std::string client_address(std::string_view peer_ip, const std::vector<std::string_view>& forwarded_for);

// The same for a peer already in binary form (the request path: no text round trip).
std::string client_address(const IpAddress& peer, const std::vector<std::string_view>& forwarded_for);

bool is_loopback_address(std::string_view ip);

}  // namespace snai::api
