#include "api/server/http_server.hpp"

#include <algorithm>
#include <chrono>
#include <csignal>
#include <fmt/format.h>
#include <future>
#include <mutex>
#include <optional>
#include <sys/socket.h>
#include <spdlog/spdlog.h>
#include <thread>
#include <vector>

#include "api/internal/express_router.hpp"
#include "api/internal/listen_endpoint.hpp"
#include "api/internal/observability.hpp"
#include "api/internal/restinio_logger.hpp"
#include "api/routes/metrics_routes.hpp"
#include "api/routes/routes.hpp"

namespace snai::api {
namespace {

// Each loop owns its io_context and runs on one thread: no strands or locks inside RESTinio.
struct Traits : restinio::single_thread_traits_t<restinio::asio_timer_manager_t, internal::RestinioLogger,
                                                 internal::ExpressRouter> {
  using connection_state_listener_t = internal::ConnectionCounter;  // snai_http_open_connections
};
using RestinioServer = restinio::http_server_t<Traits>;

// Above max_body_bytes a request gets 413 from the pipeline, but RESTinio 0.6 reads the whole
// body first. Past this hard limit RESTinio's parser stops reading and closes the connection
// (it cannot answer from there), which caps the memory one request can take.
std::uint64_t hard_body_limit(std::size_t max_body_bytes) {
  constexpr std::uint64_t kMinHeadroom = 64 * 1024;
  return static_cast<std::uint64_t>(max_body_bytes) + std::max<std::uint64_t>(max_body_bytes, kMinHeadroom);
}

// RESTinio 0.6 has one timer for reading a request: from the end of the previous response (or
// the accept) until the whole request has arrived. It bounds both the idle keep-alive wait and
// a slow-loris client dribbling a header, so it gets the stricter of the two settings.
std::chrono::milliseconds read_timelimit(const ServerConfig& config) {
  return std::chrono::milliseconds(std::min(config.header_timeout_ms, config.idle_timeout_ms));
}

// How often RESTinio checks a connection's timer: a quarter of the shortest limit, so a
// timeout fires at most 25% late, but not more often than every 10 ms.
std::chrono::milliseconds timer_check_period(const ServerConfig& config) {
  const int shortest = std::min({config.header_timeout_ms, config.idle_timeout_ms, config.request_timeout_ms});
  return std::chrono::milliseconds(std::clamp(shortest / 4, 10, 1000));
}

struct Loop {
  asio::io_context context{1};
  // Keeps run() going when the loop has nothing to do, e.g. once stop() has shut its listening
  // socket and no connection is left: the drain still posts to it. stop() ends it explicitly.
  asio::executor_work_guard<asio::io_context::executor_type> work = asio::make_work_guard(context);
  std::unique_ptr<RestinioServer> server;  // destroyed before the context
  std::thread thread;
  int listen_fd = -1;  // the acceptor's socket, owned by it; for stop() to refuse connections at once
};

// Runs `task` on every loop's thread and waits until all have run it or `deadline` passes.
// Returns whether all did.
template <class Task>
bool on_every_loop(std::vector<std::unique_ptr<Loop>>& loops, Task task,
                   std::chrono::steady_clock::time_point deadline) {
  std::vector<std::future<void>> done;
  for (auto& loop : loops) {
    if (!loop->thread.joinable()) continue;
    auto promise = std::make_shared<std::promise<void>>();
    done.push_back(promise->get_future());
    asio::post(loop->context, [promise, task, l = loop.get()] {
      task(*l);
      promise->set_value();
    });
  }
  bool all = true;
  for (auto& f : done) all = f.wait_until(deadline) == std::future_status::ready && all;
  return all;
}

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

  internal::TrafficControl traffic;  // shared by every loop: the in-flight count is server-wide
  // Slow answers (Response::later) off the loops; stopped before the loops' contexts go, since
  // a finished task writes its response through its connection's context.
  std::unique_ptr<internal::WorkerPool> workers;

  std::optional<Router> routes;  // set: served instead of build_routes(deps)

  Impl(const ServerConfig& c, ServerDeps d, std::optional<Router> r) : config(c), deps(d), routes(std::move(r)) {}

  Status start();
  void stop();
  void wait();
  Status open_loops(const asio::ip::tcp::endpoint& endpoint, std::size_t count);
  void shut_loops();
};

Status HttpServer::Impl::open_loops(const asio::ip::tcp::endpoint& endpoint, std::size_t count) {
  const Router router = routes ? *routes : build_routes(deps);
  traffic.limiter = deps.rate_limiter;
  traffic.anonymous = anonymous_rate(deps.limits);
  traffic.keyed = keyed_rate(deps.limits);
  traffic.compress_min_bytes = config.compress_min_bytes;
  const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
  const std::size_t worker_count = config.workers > 0 ? static_cast<std::size_t>(config.workers) : cores;
  // A generation takes tens of milliseconds: 32 waiting per worker is about a second of work;
  // past that a request is better answered 503 at once than after its client gave up.
  workers = std::make_unique<internal::WorkerPool>(
      internal::WorkerPoolOptions{.threads = worker_count, .max_queued = 32 * worker_count});
  const internal::PipelineOptions pipeline{
      .max_body_bytes = config.max_body_bytes, .users = &deps.storage, .traffic = &traffic,
      .observability = internal::make_observability(config, deps), .workers = workers.get()};
  const auto limits = restinio::incoming_http_msg_limits_t{}
                          .max_url_size(8 * 1024)  // std::regex matching recurses per character
                          .max_field_name_size(1024)
                          .max_field_value_size(16 * 1024)
                          .max_field_count(128)
                          .max_body_size(hard_body_limit(config.max_body_bytes));
  // One gauge of open connections over every loop.
  auto connections = std::make_shared<internal::ConnectionCounter>(metrics_registry(deps));
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
              .acceptor_post_bind_hook([l = loop.get()](asio::ip::tcp::acceptor& acceptor) {
                l->listen_fd = acceptor.native_handle();
              })
              .incoming_http_msg_limits(limits)
              .read_next_http_message_timelimit(read_timelimit(config))
              // Handlers answer synchronously on the loop, so this bounds only responses built
              // asynchronously; a handler's own time is bounded by its budget (generate.budget_ms).
              .handle_request_timeout(std::chrono::milliseconds(config.request_timeout_ms))
              // A client that does not read its response is cut off after the same time.
              .write_http_response_timelimit(std::chrono::milliseconds(config.request_timeout_ms))
              .timer_manager(timer_check_period(config))
              .connection_state_listener(connections)
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
  spdlog::info("http: listening on {}:{} with {} event loop(s), max body {} bytes, request read limit {} ms, "
               "rate limits {}",
               config.host, *port, count, config.max_body_bytes, read_timelimit(config).count(),
               deps.rate_limiter ? "on" : "off");
  return ok();
}

void HttpServer::Impl::shut_loops() {
  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + std::chrono::milliseconds(std::max(config.shutdown_timeout_ms, 0));
  // 1. Refuse new connections at once, also on a loop that is busy in a handler: shutdown() on
  //    a listening socket takes it out of the kernel's accept path (connects get RST), and the
  //    pending accept on it fails, which RESTinio leaves at that. The fd stays open until the
  //    loop closes its acceptor below, so it cannot be reused meanwhile.
  for (auto& loop : loops) {
    if (loop->thread.joinable() && loop->listen_fd >= 0) ::shutdown(loop->listen_fd, SHUT_RDWR);
  }
  // 2. Drain: the loops go on serving the requests they have (also further requests on open
  //    keep-alive connections) until none is in a handler, or until server.shutdown_timeout_ms.
  while (traffic.in_flight.load() > 0 && Clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  if (const int left = traffic.in_flight.load(); left > 0) {
    spdlog::warn("http: {} request(s) still running at the shutdown deadline of {} ms", left,
                 config.shutdown_timeout_ms);
  }
  // Then the workers: a task still running finishes (its answer goes out through a loop that
  // still runs); queued ones are dropped, and their connections closed with the loops.
  workers.reset();
  // 3. One more turn of every loop, so the last handler has returned and its response is
  //    handed to the socket (asio writes at once when it can; the kernel sends the rest after close).
  on_every_loop(loops, [](Loop&) {}, std::max(deadline, Clock::now() + std::chrono::milliseconds(100)));
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

HttpServer::HttpServer(const ServerConfig& config, ServerDeps deps)
    : impl_(std::make_unique<Impl>(config, deps, std::nullopt)) {}

HttpServer::HttpServer(const ServerConfig& config, ServerDeps deps, Router routes)
    : impl_(std::make_unique<Impl>(config, deps, std::move(routes))) {}

HttpServer::~HttpServer() { impl_->stop(); }

Status HttpServer::start() { return impl_->start(); }

void HttpServer::stop() { impl_->stop(); }

void HttpServer::wait() { impl_->wait(); }

int HttpServer::port() const {
  std::lock_guard lock(impl_->wait_mu);
  return impl_->port;
}

}  // namespace snai::api
