#include "api/internal/listen_endpoint.hpp"

#include <cctype>
#include <fmt/format.h>

namespace snai::api::internal {

Result<asio::ip::tcp::endpoint> resolve_listen_endpoint(const std::string& host, int port) {
  if (port < 0 || port > 65535) {
    return fail(ErrorCode::invalid_argument, fmt::format("port {} is out of range 0-65535", port), "server.port");
  }
  const auto port_number = static_cast<unsigned short>(port);
  const std::string name = host == "localhost" ? "127.0.0.1" : host;
  asio::error_code ec;
  auto address = asio::ip::make_address(name, ec);
  if (!ec) return asio::ip::tcp::endpoint(address, port_number);

  asio::io_context ctx;
  asio::ip::tcp::resolver resolver(ctx);
  auto results = resolver.resolve(name, std::to_string(port), asio::ip::resolver_base::passive, ec);
  if (ec || results.empty()) {
    return fail(ErrorCode::invalid_argument,
                fmt::format("cannot resolve host '{}': {}", host, ec ? ec.message() : "no addresses"), "server.host");
  }
  return results.begin()->endpoint();
}

Error listen_error(const std::string& host, int port, const std::error_code& error) {
  const bool in_use = error == asio::error::address_in_use || error == std::errc::address_in_use;
  std::string reason = in_use ? "address in use" : error.message();
  if (!reason.empty()) reason[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(reason[0])));
  return Error{ErrorCode::unavailable, fmt::format("cannot listen on {}:{}: {}", host, port, reason), ""};
}

Result<int> probe_listen_port(const std::string& host, const asio::ip::tcp::endpoint& endpoint) {
  asio::io_context ctx;
  asio::ip::tcp::acceptor probe(ctx);
  asio::error_code ec;
  probe.open(endpoint.protocol(), ec);
  // SO_REUSEADDR lets the probe bind over TIME_WAIT leftovers of an earlier run, but on Linux
  // still fails when any socket (with or without SO_REUSEPORT) listens on the port.
  if (!ec) probe.set_option(asio::ip::tcp::acceptor::reuse_address(true), ec);
  if (!ec) probe.bind(endpoint, ec);
  if (ec) return fail(listen_error(host, endpoint.port(), ec));
  const int port = probe.local_endpoint(ec).port();
  if (ec) return fail(listen_error(host, endpoint.port(), ec));
  return port;
}

}  // namespace snai::api::internal
