// A bounded, thread-safe pool of PostgreSQL connections. A lease gives one thread one
// connection and hands it back when destroyed; connections that broke (server restart,
// pg_terminate_backend) or were left inside a transaction are discarded and re-made on demand.
//
//   Pool pool(target, 8);
//   auto conn = pool.lease();                 // waits while all 8 are in use
//   if (conn) (*conn)->exec(kPing);
#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

#include "storage/postgres/connection.hpp"
#include "storage/storage.hpp"

namespace snai::storage::pg {

class Pool {
 public:
  class Lease {
   public:
    Lease(Pool* pool, std::unique_ptr<Connection> conn) : pool_(pool), conn_(std::move(conn)) {}
    Lease(Lease&&) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (conn_) pool_->give_back(std::move(conn_));
    }
    Connection& operator*() const { return *conn_; }
    Connection* operator->() const { return conn_.get(); }

   private:
    Pool* pool_;
    std::unique_ptr<Connection> conn_;
  };

  Pool(ConnectTarget target, int size, std::chrono::milliseconds wait = std::chrono::seconds(30))
      : target_(std::move(target)), size_(size < 1 ? 1 : size), wait_(wait) {}
  Pool(const Pool&) = delete;
  Pool& operator=(const Pool&) = delete;

  // A healthy connection: an idle one, or a new one while fewer than `size` are open.
  // After a lost connection the idle ones are dropped, so a retry reconnects.
  // unavailable when the server cannot be reached or none frees up within the wait.
  Result<Lease> lease();

  const ConnectTarget& target() const { return target_; }
  PoolStats stats();

 private:
  void give_back(std::unique_ptr<Connection> conn);

  const ConnectTarget target_;
  const int size_;
  const std::chrono::milliseconds wait_;
  int open_ = 0;  // idle + leased + being connected
  std::uint64_t waits_ = 0, timeouts_ = 0;
  std::mutex mu_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Connection>> idle_;
};

}  // namespace snai::storage::pg
