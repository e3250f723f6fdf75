// Framework candidate: RESTinio 0.6 on standalone Asio (Debian librestinio-dev, what `snai serve`
// uses), serving the benchmark's GET /healthz and POST /v1/generate
// (common/generate_contract.hpp). One single-threaded server per thread on its own io_context with
// SO_REUSEPORT, as src/api/server/http_server.cpp does; a plain request handler (no router).
//
//   restinio_server --port 8082 --threads 1
#include <cstdio>
#include <memory>
#include <restinio/all.hpp>
#include <thread>
#include <vector>

#include "generate_contract.hpp"

namespace {

using Traits = restinio::default_single_thread_traits_t;
using Server = restinio::http_server_t<Traits>;
using ReusePort = asio::detail::socket_option::boolean<SOL_SOCKET, SO_REUSEPORT>;

restinio::request_handling_status_t send(const restinio::request_handle_t& req, const bench::Reply& reply) {
  const auto status = static_cast<std::uint16_t>(reply.status);
  req->create_response(restinio::http_status_line_t{restinio::http_status_code_t{status},
                                                     reply.status == 200 ? "OK" : "Error"})
      .append_header(restinio::http_field::content_type, std::string(bench::kJsonType))
      .set_body(reply.body)
      .done();
  return restinio::request_accepted();
}

}  // namespace

int main(int argc, char** argv) {
  const auto options = bench::parse_server_options(argc, argv);
  const auto contract = bench::GenerateContract::load(options.fixture);

  auto handler = [&contract](const restinio::request_handle_t& req) {
    const auto& header = req->header();
    if (header.method() == restinio::http_method_get() && header.path() == "/healthz")
      return send(req, {200, std::string(bench::kHealthBody)});
    if (header.method() == restinio::http_method_post() && header.path() == "/v1/generate") {
      const auto type = header.get_field_or(restinio::http_field::content_type, "");
      return send(req, contract->generate(type, req->body()));
    }
    return send(req, {404, R"({"error":{"code":"not_found","message":"no such route"}})"});
  };

  struct Loop {
    asio::io_context context{1};
    std::unique_ptr<Server> server;
  };
  std::vector<std::unique_ptr<Loop>> loops;
  for (int i = 0; i < options.threads; ++i) {
    auto loop = std::make_unique<Loop>();
    loop->server = std::make_unique<Server>(restinio::external_io_context(loop->context), [&](auto& settings) {
      settings.address("127.0.0.1")
          .port(static_cast<std::uint16_t>(options.port))
          .acceptor_options_setter([](restinio::acceptor_options_t& acceptor) {
            acceptor.set_option(asio::ip::tcp::acceptor::reuse_address(true));
            acceptor.set_option(ReusePort(true));
          })
          .request_handler(handler);
    });
    loop->server->open_sync();
    loops.push_back(std::move(loop));
  }
  std::printf("restinio listening on 127.0.0.1:%d with %d thread(s), %zu fixture responses\n", options.port,
              options.threads, contract->size());
  std::fflush(stdout);
  std::vector<std::thread> threads;
  for (std::size_t i = 1; i < loops.size(); ++i) threads.emplace_back([&loop = *loops[i]] { loop.context.run(); });
  loops[0]->context.run();
  for (auto& t : threads) t.join();
}
