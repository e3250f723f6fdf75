// Framework candidate: cpp-httplib 0.11 (Debian libcpp-httplib-dev), serving the benchmark's
// GET /healthz and POST /v1/generate (common/generate_contract.hpp). cpp-httplib is blocking:
// each keep-alive connection holds one pool thread, so --threads is the pool size and must be at
// least the number of client connections (compare.sh passes the wrk connection count and pins the
// process to one core for the single-core rows).
//
//   httplib_server --port 8083 --threads 32
#include <cstdio>
#include <httplib.h>

#include "generate_contract.hpp"

int main(int argc, char** argv) {
  const auto options = bench::parse_server_options(argc, argv);
  const auto contract = bench::GenerateContract::load(options.fixture);

  httplib::Server server;
  const auto pool = static_cast<std::size_t>(options.threads);
  server.new_task_queue = [pool] { return new httplib::ThreadPool(pool); };
  server.set_keep_alive_max_count(1'000'000);  // the default (5) would reconnect every 5 requests
  // Headers and body go out in two writes: with Nagle on, the delayed ACK costs ~40 ms each.
  server.set_tcp_nodelay(true);
  server.Get("/healthz", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(bench::kHealthBody.data(), bench::kHealthBody.size(), bench::kJsonType.data());
  });
  server.Post("/v1/generate", [&contract](const httplib::Request& req, httplib::Response& res) {
    auto reply = contract->generate(req.get_header_value("Content-Type"), req.body);
    res.status = reply.status;
    res.set_content(std::move(reply.body), bench::kJsonType.data());
  });
  std::printf("httplib listening on 127.0.0.1:%d with a pool of %d thread(s), %zu fixture responses\n",
              options.port, options.threads, contract->size());
  std::fflush(stdout);
  if (!server.listen("127.0.0.1", options.port)) {
    std::fprintf(stderr, "cannot listen on 127.0.0.1:%d\n", options.port);
    return 1;
  }
}
