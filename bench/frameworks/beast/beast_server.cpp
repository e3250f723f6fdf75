// Framework candidate: Boost.Beast on Boost.Asio (Debian libboost-dev), serving the benchmark's
// GET /healthz and POST /v1/generate (common/generate_contract.hpp). One io_context per thread,
// each with its own SO_REUSEPORT acceptor, as `snai serve` runs its loops.
//
//   beast_server --port 8081 --threads 1
#include <utility>  // before Boost 1.74: its asio/awaitable.hpp uses std::exchange without it

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cstdio>
#include <memory>
#include <thread>
#include <vector>

#include "generate_contract.hpp"

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

using ReusePort = asio::detail::socket_option::boolean<SOL_SOCKET, SO_REUSEPORT>;

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, const bench::GenerateContract& contract)
      : stream_(std::move(socket)), contract_(contract) {}

  void read() {
    request_ = {};
    http::async_read(stream_, buffer_, request_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) return self->close();
      self->respond();
    });
  }

 private:
  void respond() {
    bench::Reply reply;
    if (request_.method() == http::verb::get && request_.target() == "/healthz") {
      reply = {200, std::string(bench::kHealthBody)};
    } else if (request_.method() == http::verb::post && request_.target() == "/v1/generate") {
      const auto type = request_[http::field::content_type];
      reply = contract_.generate(std::string_view(type.data(), type.size()), request_.body());
    } else {
      reply = {404, R"({"error":{"code":"not_found","message":"no such route"}})"};
    }
    response_ = {};
    response_.result(static_cast<unsigned>(reply.status));
    response_.version(request_.version());
    response_.keep_alive(request_.keep_alive());
    response_.set(http::field::content_type, beast::string_view(bench::kJsonType.data(), bench::kJsonType.size()));
    response_.body() = std::move(reply.body);
    response_.prepare_payload();
    http::async_write(stream_, response_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec || !self->response_.keep_alive()) return self->close();
      self->read();
    });
  }

  void close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
  }

  beast::tcp_stream stream_;
  const bench::GenerateContract& contract_;
  beast::flat_buffer buffer_;
  http::request<http::string_body> request_;
  http::response<http::string_body> response_;
};

void accept(tcp::acceptor& acceptor, const bench::GenerateContract& contract) {
  acceptor.async_accept([&acceptor, &contract](beast::error_code ec, tcp::socket socket) {
    if (!ec) {
      socket.set_option(tcp::no_delay(true));
      std::make_shared<Session>(std::move(socket), contract)->read();
    }
    accept(acceptor, contract);
  });
}

}  // namespace

int main(int argc, char** argv) {
  const auto options = bench::parse_server_options(argc, argv);
  const auto contract = bench::GenerateContract::load(options.fixture);
  const tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), static_cast<unsigned short>(options.port));

  struct Loop {
    asio::io_context context{1};
    tcp::acceptor acceptor{context};
  };
  std::vector<std::unique_ptr<Loop>> loops;
  for (int i = 0; i < options.threads; ++i) {
    auto loop = std::make_unique<Loop>();
    loop->acceptor.open(endpoint.protocol());
    loop->acceptor.set_option(asio::socket_base::reuse_address(true));
    loop->acceptor.set_option(ReusePort(true));
    loop->acceptor.bind(endpoint);
    loop->acceptor.listen(asio::socket_base::max_listen_connections);
    accept(loop->acceptor, *contract);
    loops.push_back(std::move(loop));
  }
  std::printf("beast listening on 127.0.0.1:%d with %d thread(s), %zu fixture responses\n", options.port,
              options.threads, contract->size());
  std::fflush(stdout);
  std::vector<std::thread> threads;
  for (std::size_t i = 1; i < loops.size(); ++i) threads.emplace_back([&loop = *loops[i]] { loop.context.run(); });
  loops[0]->context.run();
  for (auto& t : threads) t.join();
}
