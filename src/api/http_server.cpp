#include "api/http_server.hpp"

#include <csignal>
#include <fmt/format.h>
#include <mutex>
#include <spdlog/spdlog.h>
#include <thread>
#include <vector>

#include "api/internal/express_router.hpp"
#include "api/internal/listen_endpoint.hpp"
#include "api/internal/restinio_logger.hpp"
#include "api/routes.hpp"

namespace snai::api {
namespace {

// Each loop owns its io_context and runs on one thread: no strands or locks inside RESTinio.
using Traits = restinio::single_thread_traits_t<restinio::asio_timer_manager_t, internal::RestinioLogger,
                                                internal::ExpressRouter>;
using RestinioServer = restinio::http_server_t<Traits>;

// Above max_body_bytes a request gets 413 from the pipeline, but RESTinio 0.6 reads the whole
// body first. Past this hard limit RESTinio's parser stops reading and closes the connection
// (it cannot answer from there), which caps the memory one request can take.
std::uint64_t hard_body_limit(std::size_t max_body_bytes) {
  constexpr std::uint64_t kMinHeadroom = 64 * 1024;
  return static_cast<std::uint64_t>(max_body_bytes) + std::max<std::uint64_t>(max_body_bytes, kMinHeadroom);
}

struct Loop {
  asio::io_context context{1};
  std::unique_ptr<RestinioServer> server;  // destroyed before the context
  std::thread thread;
};

}  // namespace

struct HttpServer::Impl {
  ServerConfig config;
  ServerDeps deps;

  std::mutex lifecycle_mu;  // serialises start() and stop()
  std::vector<std::unique_ptr<Loop>> loops;

  std::mutex wait_mu;  // guards running, port and waiters
  bool running = false;
  int port = 0;
  std::vector<asio::io_context*> waiters;

  Impl(const ServerConfig& c, ServerDeps d) : config(c), deps(d) {}

  Status start();
  void stop();
  void wait();
  Status open_loops(const asio::ip::tcp::endpoint& endpoint, std::size_t count);
  void shut_loops();
};

Status HttpServer::Impl::open_loops(const asio::ip::tcp::endpoint& endpoint, std::size_t count) {
  const Router router = build_routes(deps);
  const internal::PipelineOptions pipeline{.max_body_bytes = config.max_body_bytes, .users = &deps.storage};
  const auto limits = restinio::incoming_http_msg_limits_t{}
                          .max_url_size(8 * 1024)  // std::regex matching recurses per character
                          .max_field_name_size(1024)
                          .max_field_value_size(16 * 1024)
                          .max_field_count(128)
                          .max_body_size(hard_body_limit(config.max_body_bytes));
  for (std::size_t i = 0; i < count; ++i) {
    auto loop = std::make_unique<Loop>();
    loop->server = std::make_unique<RestinioServer>(
        restinio::external_io_context(loop->context), [&](auto& settings) {
          settings.address(endpoint.address())
              .port(endpoint.port())
              .protocol(endpoint.protocol())
              .acceptor_options_setter([](restinio::acceptor_options_t& options) {
                options.set_option(asio::ip::tcp::acceptor::reuse_address(true));
                options.set_option(internal::reuse_port(true));
              })
              .incoming_http_msg_limits(limits)
              .request_handler(internal::make_express_router(router, pipeline));
        });
    try {
      // Before the thread runs the context, so bind errors come back here, synchronously.
      loop->server->open_sync();
    } catch (const std::system_error& e) {
      loops.push_back(std::move(loop));
      return fail(internal::listen_error(config.host, endpoint.port(), e.code()));
    } catch (const std::exception& e) {
      loops.push_back(std::move(loop));
      return fail(ErrorCode::unavailable, fmt::format("cannot listen on {}:{}: {}", config.host, endpoint.port(), e.what()));
    }
    loops.push_back(std::move(loop));
  }
  for (auto& loop : loops) {
    loop->thread = std::thread([context = &loop->context] {
      try {
        context->run();
      } catch (const std::exception& e) {
        spdlog::error("http event loop stopped by an exception: {}", e.what());
      }
    });
  }
  return ok();
}

Status HttpServer::Impl::start() {
  std::lock_guard lifecycle(lifecycle_mu);
  {
    std::lock_guard lock(wait_mu);
    if (running) return fail(ErrorCode::failed_precondition, "the HTTP server is already running");
  }
  if (config.threads < 0) return fail(ErrorCode::invalid_argument, "threads must be 0 or more", "server.threads");
  const std::size_t count =
      config.threads > 0 ? static_cast<std::size_t>(config.threads) : std::max(1u, std::thread::hardware_concurrency());

  auto endpoint = internal::resolve_listen_endpoint(config.host, config.port);
  if (!endpoint) return fail(endpoint.error());
  auto port = internal::probe_listen_port(config.host, *endpoint);
  if (!port) return fail(port.error());
  endpoint->port(static_cast<unsigned short>(*port));

  if (auto opened = open_loops(*endpoint, count); !opened) {
    shut_loops();
    return opened;
  }
  {
    std::lock_guard lock(wait_mu);
    running = true;
    this->port = *port;
  }
  spdlog::info("http: listening on {}:{} with {} event loop(s), max body {} bytes", config.host, *port, count,
               config.max_body_bytes);
  return ok();
}

void HttpServer::Impl::shut_loops() {
  for (auto& loop : loops) {
    if (loop->thread.joinable()) {
      // Runs on the loop's own thread after the handler in progress: close the acceptor and
      // the connections, then leave run().
      asio::post(loop->context, [l = loop.get()] {
        try {
          l->server->close_sync();
        } catch (const std::exception& e) {
          spdlog::warn("http: closing an event loop failed: {}", e.what());
        }
        l->context.stop();
      });
    }
  }
  for (auto& loop : loops) {
    if (loop->thread.joinable()) loop->thread.join();
  }
  loops.clear();  // servers first, then their contexts (Loop member order)
}

void HttpServer::Impl::stop() {
  std::lock_guard lifecycle(lifecycle_mu);
  {
    std::lock_guard lock(wait_mu);
    if (!running) return;
  }
  shut_loops();
  std::lock_guard lock(wait_mu);
  running = false;
  port = 0;
  for (asio::io_context* waiter : waiters) waiter->stop();
  spdlog::info("http: stopped");
}

void HttpServer::Impl::wait() {
  asio::io_context context;
  asio::signal_set signals(context, SIGINT, SIGTERM);
  signals.async_wait([](const asio::error_code& ec, int signal) {
    if (!ec) spdlog::info("http: received {}, stopping", signal == SIGINT ? "SIGINT" : "SIGTERM");
  });
  {
    std::lock_guard lock(wait_mu);
    if (!running) return;
    waiters.push_back(&context);
  }
  // Returns when the signal handler has run (no work left) or stop() stopped the context;
  // a stop() between the unlock and here makes run() return at once.
  context.run();
  {
    std::lock_guard lock(wait_mu);
    std::erase(waiters, &context);
  }
  stop();
}

HttpServer::HttpServer(const ServerConfig& config, ServerDeps deps) : impl_(std::make_unique<Impl>(config, deps)) {}

HttpServer::~HttpServer() { impl_->stop(); }

Status HttpServer::start() { return impl_->start(); }

void HttpServer::stop() { impl_->stop(); }

void HttpServer::wait() { impl_->wait(); }

int HttpServer::port() const {
  std::lock_guard lock(impl_->wait_mu);
  return impl_->port;
}

}  // namespace snai::api
