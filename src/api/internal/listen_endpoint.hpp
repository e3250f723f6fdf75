// Where the server listens: resolving config host/port to an endpoint, and checking that
// no other socket holds the port before the event loops bind it with SO_REUSEPORT (which
// would otherwise silently share the port with another process of the same user).
#pragma once

#include <restinio/asio_include.hpp>
#include <string>

#include "core/result.hpp"

namespace snai::api::internal {

// "127.0.0.1", "::1", "0.0.0.0", "localhost" (-> 127.0.0.1) or a resolvable name.
// invalid_argument (field server.host / server.port) when it cannot be used.
Result<asio::ip::tcp::endpoint> resolve_listen_endpoint(const std::string& host, int port);

// Binds a probe socket (SO_REUSEADDR only) to the endpoint and releases it. Returns the
// port to use (the one the kernel picked when the endpoint's port is 0), or unavailable
// "cannot listen on 127.0.0.1:8080: address in use".
Result<int> probe_listen_port(const std::string& host, const asio::ip::tcp::endpoint& endpoint);

// "cannot listen on 127.0.0.1:8080: address in use"
Error listen_error(const std::string& host, int port, const std::error_code& error);

// SO_REUSEPORT for asio sockets.
using reuse_port = asio::detail::socket_option::boolean<SOL_SOCKET, SO_REUSEPORT>;

}  // namespace snai::api::internal
