#include "api/internal/worker_pool.hpp"

#include <algorithm>
#include <spdlog/spdlog.h>

namespace snai::api::internal {

WorkerPool::WorkerPool(WorkerPoolOptions options) : options_(options) {
  const std::size_t count = std::max<std::size_t>(1, options_.threads);
  threads_.reserve(count);
  for (std::size_t i = 0; i < count; ++i) threads_.emplace_back([this] { run(); });
}

WorkerPool::~WorkerPool() {
  std::deque<std::function<void()>> dropped;
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
    dropped.swap(queue_);
  }
  ready_.notify_all();
  for (auto& thread : threads_) thread.join();
}

bool WorkerPool::submit(std::function<void()> task) {
  {
    std::lock_guard lock(mu_);
    if (stopping_ || queue_.size() >= options_.max_queued) return false;
    queue_.push_back(std::move(task));
  }
  ready_.notify_one();
  return true;
}

std::size_t WorkerPool::queued() const {
  std::lock_guard lock(mu_);
  return queue_.size();
}

void WorkerPool::run() {
  for (;;) {
    std::function<void()> task;
    {
      std::unique_lock lock(mu_);
      ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping
      task = std::move(queue_.front());
      queue_.pop_front();
    }
    try {
      task();
    } catch (const std::exception& e) {  // tasks handle their own errors; this is a last guard
      spdlog::error("http worker: a task failed: {}", e.what());
    } catch (...) {
      spdlog::error("http worker: a task failed with an unknown exception");
    }
  }
}

}  // namespace snai::api::internal
