// The HTTP API server: binds host:port, runs one RESTinio event loop per thread (all on the
// same port via SO_REUSEPORT, so one instance uses every core) and serves the routes from routes.cpp.
//
//   snai::api::HttpServer server(config.server, {.storage = *storage});
//   if (auto started = server.start(); !started) return fail(started.error());
//   server.wait();   // until stop() or SIGINT/SIGTERM
#pragma once

#include <memory>

#include "api/server/router.hpp"
#include "api/server/server_deps.hpp"
#include "core/config.hpp"
#include "core/result.hpp"

namespace snai::api {

class HttpServer {
 public:
  // config.threads: 0 = one loop per hardware thread. config.max_body_bytes: larger request
  // bodies get 413. config.header_timeout_ms / idle_timeout_ms: a connection must deliver a
  // whole request within the smaller of the two after it opens or after the previous response
  // (RESTinio 0.6 has one timer for both), else it is closed. Responses of at least
  // config.compress_min_bytes are gzipped for clients that accept it. deps.rate_limiter: see
  // server_deps.hpp.
  HttpServer(const ServerConfig& config, ServerDeps deps);
  // Serves `routes` (with the same pipeline) instead of the API's route table: for tests of the
  // pipeline itself.
  HttpServer(const ServerConfig& config, ServerDeps deps, Router routes);
  ~HttpServer();  // stops

  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds and serves on background threads. Errors: unavailable when the address cannot be
  // bound ("cannot listen on 127.0.0.1:8080: address in use"), invalid_argument for a bad
  // host/port/threads, failed_precondition when already running. Can start again after stop().
  Status start();

  // Graceful: refuses new connections at once, lets the requests already in a handler finish
  // and send their responses (up to config.shutdown_timeout_ms), then closes the remaining
  // (idle or half-read) connections and joins the loops. Idempotent, any thread.
  void stop();

  // Blocks until stop() is called elsewhere or the process gets SIGINT/SIGTERM (handled with
  // asio::signal_set while waiting), then stops. Returns at once when not running.
  void wait();

  // The bound port (useful when config.port is 0); 0 when not running.
  int port() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace snai::api
