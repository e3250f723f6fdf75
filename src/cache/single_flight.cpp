#include "cache/single_flight.hpp"

namespace snai::cache {

void SingleFlight::Lead::finish(std::optional<std::string> value) {
  if (!owner_) return;
  {
    std::lock_guard lock(owner_->mu_);
    call_->done = true;
    call_->value = std::move(value);
    // Later callers start a new flight (and normally find the value in the cache by then).
    if (auto it = owner_->calls_.find(key_); it != owner_->calls_.end() && it->second == call_) owner_->calls_.erase(it);
  }
  owner_->cv_.notify_all();
  owner_ = nullptr;
}

SingleFlight::Joined SingleFlight::join(std::string_view key, std::chrono::milliseconds wait) {
  std::unique_lock lock(mu_);
  auto [it, leader] = calls_.try_emplace(std::string(key));
  if (leader) {
    it->second = std::make_shared<Call>();
    return Joined{.lead = Lead(*this, std::string(key), it->second)};
  }
  std::shared_ptr<Call> call = it->second;
  ++waiting_;
  const bool done = cv_.wait_for(lock, wait, [&] { return call->done; });
  --waiting_;
  if (done && call->value) return Joined{.value = call->value};
  return Joined{.timed_out = true};
}

std::size_t SingleFlight::waiting() const {
  std::lock_guard lock(mu_);
  return waiting_;
}

}  // namespace snai::cache
