// The threads that run slow handler work (a generation that missed the cache) off the event
// loops, so a loop keeps answering its other connections meanwhile. A bounded queue: when it is
// full, submit() refuses and the pipeline answers 503 instead of queueing without end.
//
//   WorkerPool pool({.threads = 2, .max_queued = 256});
//   if (!pool.submit([] { slow(); })) answer_busy();
//   // the destructor lets running tasks finish and drops queued ones (unrun), then joins
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace snai::api::internal {

struct WorkerPoolOptions {
  std::size_t threads = 1;       // at least 1
  std::size_t max_queued = 256;  // tasks waiting for a thread; more are refused
};

class WorkerPool {
 public:
  explicit WorkerPool(WorkerPoolOptions options);
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;
  ~WorkerPool();

  // False when max_queued tasks are already waiting (the task is not run).
  bool submit(std::function<void()> task);

  std::size_t queued() const;

 private:
  void run();

  WorkerPoolOptions options_;
  mutable std::mutex mu_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> queue_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace snai::api::internal
