// Framework candidate: CivetWeb 1.15 (Debian libcivetweb-dev, C API), serving the benchmark's
// GET /healthz and POST /v1/generate (common/generate_contract.hpp). CivetWeb is blocking like
// cpp-httplib: one worker thread per connection, so --threads is the worker count and compare.sh
// passes the wrk connection count.
//
//   civetweb_server --port 8086 --threads 32
#include <civetweb.h>
#include <csignal>
#include <cstdio>
#include <string>
#include <unistd.h>

#include "generate_contract.hpp"

namespace {

void send(mg_connection* conn, const bench::Reply& reply) {
  const std::string length = std::to_string(reply.body.size());
  mg_response_header_start(conn, reply.status);
  mg_response_header_add(conn, "Content-Type", bench::kJsonType.data(), static_cast<int>(bench::kJsonType.size()));
  mg_response_header_add(conn, "Content-Length", length.c_str(), static_cast<int>(length.size()));
  mg_response_header_send(conn);
  mg_write(conn, reply.body.data(), reply.body.size());
}

int health(mg_connection* conn, void*) {
  if (std::string_view(mg_get_request_info(conn)->request_method) != "GET") return 0;
  send(conn, {200, std::string(bench::kHealthBody)});
  return 200;
}

int generate(mg_connection* conn, void* data) {
  const auto* info = mg_get_request_info(conn);
  if (std::string_view(info->request_method) != "POST") return 0;
  std::string body;
  char buffer[8192];
  for (int n; (n = mg_read(conn, buffer, sizeof buffer)) > 0;) body.append(buffer, static_cast<std::size_t>(n));
  const char* type = mg_get_header(conn, "Content-Type");
  const auto reply = static_cast<const bench::GenerateContract*>(data)->generate(type ? type : "", body);
  send(conn, reply);
  return reply.status;
}

}  // namespace

int main(int argc, char** argv) {
  const auto options = bench::parse_server_options(argc, argv);
  const auto contract = bench::GenerateContract::load(options.fixture);
  const std::string ports = "127.0.0.1:" + std::to_string(options.port);
  const std::string threads = std::to_string(options.threads);
  const char* config[] = {"listening_ports", ports.c_str(), "num_threads", threads.c_str(), "enable_keep_alive", "yes",
                          "tcp_nodelay", "1", "keep_alive_timeout_ms", "10000", nullptr};
  mg_init_library(0);
  mg_callbacks callbacks{};
  mg_context* context = mg_start(&callbacks, nullptr, config);
  if (!context) {
    std::fprintf(stderr, "cannot listen on %s\n", ports.c_str());
    return 1;
  }
  mg_set_request_handler(context, "/healthz$", health, nullptr);
  mg_set_request_handler(context, "/v1/generate$", generate, const_cast<bench::GenerateContract*>(contract.get()));
  std::printf("civetweb listening on %s with %d worker thread(s), %zu fixture responses\n", ports.c_str(),
              options.threads, contract->size());
  std::fflush(stdout);
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  int signal = 0;
  sigwait(&signals, &signal);
  mg_stop(context);
  mg_exit_library();
}
