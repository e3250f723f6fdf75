#include "storage/postgres/pool.hpp"

#include <utility>
#include <fmt/format.h>

namespace snai::storage::pg {

Result<Pool::Lease> Pool::lease() {
  auto deadline = std::chrono::steady_clock::now() + wait_;
  std::unique_lock lock(mu_);
  bool waited = false;
  while (true) {
    while (!idle_.empty()) {
      auto conn = std::move(idle_.back());
      idle_.pop_back();
      lock.unlock();
      if (conn->healthy()) {
        conn->mark_leased();
        return Lease(this, std::move(conn));
      }
      conn.reset();  // the server hung up on it while idle
      lock.lock();
      --open_;
    }
    if (open_ < size_) {
      ++open_;
      lock.unlock();
      auto conn = Connection::open(target_);
      if (!conn) {
        lock.lock();
        --open_;
        lock.unlock();
        available_.notify_one();
        return fail(conn.error());
      }
      return Lease(this, std::move(*conn));
    }
    if (!std::exchange(waited, true)) ++waits_;
    if (!available_.wait_until(lock, deadline, [&] { return !idle_.empty() || open_ < size_; })) {
      ++timeouts_;
      return fail(ErrorCode::unavailable,
                  fmt::format("no PostgreSQL connection to {} became free within {} ms (pool size {})",
                              target_.label, wait_.count(), size_));
    }
  }
}

PoolStats Pool::stats() {
  std::lock_guard lock(mu_);
  return {.size = size_, .open = open_, .in_use = open_ - int(idle_.size()), .waits = waits_, .timeouts = timeouts_};
}

void Pool::give_back(std::unique_ptr<Connection> conn) {
  bool lost = conn->lost();
  bool reusable = !lost && !conn->in_transaction() && conn->healthy();
  if (!reusable) conn.reset();
  std::vector<std::unique_ptr<Connection>> dropped;
  {
    std::lock_guard lock(mu_);
    if (reusable) {
      idle_.push_back(std::move(conn));
    } else {
      --open_;
    }
    // A lost connection usually means the server restarted or kicked everyone: the idle ones
    // are most likely dead too, so the next lease (and a retry) gets a fresh connection.
    if (lost) {
      dropped.swap(idle_);
      open_ -= static_cast<int>(dropped.size());
    }
  }
  available_.notify_all();
}

}  // namespace snai::storage::pg
