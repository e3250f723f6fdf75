#include "availability/dns_resolver.hpp"

#include <algorithm>
#include <ares.h>
#include <deque>
#include <fmt/format.h>
#include <mutex>
#include <poll.h>
#include <random>
#include <thread>

namespace snai::availability {
namespace {

using Clock = std::chrono::steady_clock;

constexpr int kClassIn = 1;
constexpr int kTypeNs = 2;
constexpr int kTypeSoa = 6;

void init_library_once() {
  static std::once_flag once;
  std::call_once(once, [] { ares_library_init(ARES_LIB_INIT_ALL); });
}

// Statuses worth another attempt: the server may answer next time.
bool retryable(int status) {
  return status == ARES_ETIMEOUT || status == ARES_ESERVFAIL || status == ARES_EREFUSED ||
         status == ARES_ECONNREFUSED || status == ARES_EBADRESP;
}

std::string describe_status(int status) {
  switch (status) {
    case ARES_ETIMEOUT: return "timeout";
    case ARES_ESERVFAIL: return "SERVFAIL";
    case ARES_EREFUSED: return "REFUSED";
    case ARES_ECONNREFUSED: return "connection refused";
    case ARES_ENOTIMP: return "NOTIMP";
    case ARES_EFORMERR: return "FORMERR";
    default: return ares_strerror(status);
  }
}

struct Pending {
  std::size_t index;
  Clock::time_point not_before;
};

// State of one lookup() call; c-ares callbacks land here.
class Batch {
 public:
  Batch(const DnsOptions& options, std::span<const std::string> domains, int type)
      : options_(options), domains_(domains), type_(type), answers_(domains.size()), done_(domains.size(), false) {
    for (std::size_t i = 0; i < domains.size(); ++i) {
      answers_[i].domain = domains[i];
      queue_.push_back({i, Clock::now()});
    }
  }

  std::vector<DnsAnswer> run(ares_channel channel, Clock::time_point deadline) {
    channel_ = channel;
    while (remaining_ > 0) {
      auto now = Clock::now();
      if (now >= deadline) break;
      launch_ready(now);
      wait_and_process(deadline);
    }
    ares_cancel(channel_);  // callbacks fire with ARES_ECANCELLED for whatever is in flight
    for (std::size_t i = 0; i < answers_.size(); ++i)
      if (!done_[i]) {
        answers_[i].verdict = DnsVerdict::failed;
        answers_[i].detail = answers_[i].detail.empty() ? "time budget exhausted"
                                                        : "time budget exhausted after " + answers_[i].detail;
      }
    return std::move(answers_);
  }

 private:
  struct Query {
    Batch* batch;
    std::size_t index;
  };

  static void on_answer(void* arg, int status, int /*timeouts*/, unsigned char* abuf, int alen) {
    auto* query = static_cast<Query*>(arg);
    query->batch->finish(query->index, status, abuf, alen);
    delete query;
  }

  void launch_ready(Clock::time_point now) {
    // Take the ready items out first: ares_send may call back at once (e.g. connection
    // refused), and a retry then lands in queue_ while we would still be walking it.
    std::vector<std::size_t> ready;
    for (auto it = queue_.begin();
         it != queue_.end() && in_flight_ + static_cast<int>(ready.size()) < options_.max_in_flight;) {
      if (it->not_before > now) {
        ++it;
        continue;
      }
      ready.push_back(it->index);
      it = queue_.erase(it);
    }
    for (std::size_t index : ready) {
      unsigned char* buf = nullptr;
      int length = 0;
      int rc = ares_create_query(domains_[index].c_str(), kClassIn, type_, 0, 1, &buf, &length, 0);
      ++answers_[index].attempts;
      if (rc != ARES_SUCCESS) {
        complete(index, DnsVerdict::failed, fmt::format("cannot build query: {}", ares_strerror(rc)));
        continue;
      }
      ++in_flight_;
      ares_send(channel_, buf, length, &Batch::on_answer, new Query{this, index});
      ares_free_string(buf);
    }
  }

  void wait_and_process(Clock::time_point deadline) {
    auto now = Clock::now();
    auto wake = deadline;
    for (const auto& p : queue_) wake = std::min(wake, std::max(p.not_before, now));
    ares_socket_t sockets[ARES_GETSOCK_MAXNUM];
    int bits = ares_getsock(channel_, sockets, ARES_GETSOCK_MAXNUM);
    std::vector<pollfd> fds;
    for (int i = 0; i < ARES_GETSOCK_MAXNUM; ++i) {
      short events = 0;
      if (ARES_GETSOCK_READABLE(bits, i)) events |= POLLIN;
      if (ARES_GETSOCK_WRITABLE(bits, i)) events |= POLLOUT;
      if (events) fds.push_back({sockets[i], events, 0});
    }
    if (in_flight_ > 0) {
      timeval max_tv{}, tv{};
      auto left = std::chrono::duration_cast<std::chrono::microseconds>(wake - now).count();
      max_tv.tv_sec = left / 1000000;
      max_tv.tv_usec = left % 1000000;
      timeval* t = ares_timeout(channel_, &max_tv, &tv);
      wake = std::min(wake, now + std::chrono::seconds(t->tv_sec) + std::chrono::microseconds(t->tv_usec));
    }
    auto wait_ms = std::chrono::duration_cast<std::chrono::milliseconds>(wake - now).count();
    int ready = ::poll(fds.data(), fds.size(), static_cast<int>(std::clamp<std::int64_t>(wait_ms, 0, 1000)));
    if (ready > 0) {
      for (const auto& fd : fds) {
        if (!fd.revents) continue;
        ares_socket_t r = (fd.revents & (POLLIN | POLLERR | POLLHUP)) ? fd.fd : ARES_SOCKET_BAD;
        ares_socket_t w = (fd.revents & POLLOUT) ? fd.fd : ARES_SOCKET_BAD;
        ares_process_fd(channel_, r, w);
      }
    }
    ares_process_fd(channel_, ARES_SOCKET_BAD, ARES_SOCKET_BAD);  // timeouts
  }

  void finish(std::size_t index, int status, const unsigned char* abuf, int alen) {
    --in_flight_;
    if (done_[index]) return;
    if (status == ARES_ECANCELLED || status == ARES_EDESTRUCTION) return;  // run() reports the deadline
    if (status == ARES_SUCCESS && abuf && alen >= 12) {
      int rcode = abuf[3] & 0x0F;
      int answers = (abuf[6] << 8) | abuf[7];
      int authority = (abuf[8] << 8) | abuf[9];
      if (rcode == 0) {
        complete(index, DnsVerdict::exists,
                 answers > 0 ? (type_ == kTypeNs ? "NS answer" : "SOA answer")
                             : (authority > 0 ? "referral (delegated)" : "name exists (no data)"));
        return;
      }
      if (rcode == 3) {
        complete(index, DnsVerdict::nxdomain, "NXDOMAIN");
        return;
      }
      status = rcode == 2 ? ARES_ESERVFAIL : rcode == 5 ? ARES_EREFUSED : ARES_EBADRESP;
    }
    std::string why = describe_status(status);
    auto& answer = answers_[index];
    if (retryable(status) && answer.attempts < options_.attempts) {
      answer.detail = why;
      thread_local std::minstd_rand jitter{std::random_device{}()};
      auto backoff = options_.backoff_ms * (1 << std::min(answer.attempts - 1, 10));
      backoff += static_cast<int>(jitter() % static_cast<unsigned>(backoff / 4 + 1));
      queue_.push_back({index, Clock::now() + std::chrono::milliseconds(backoff)});
      return;
    }
    complete(index, DnsVerdict::failed,
             answer.attempts > 1 ? fmt::format("{} after {} attempts", why, answer.attempts) : why);
  }

  void complete(std::size_t index, DnsVerdict verdict, std::string detail) {
    answers_[index].verdict = verdict;
    answers_[index].detail = std::move(detail);
    done_[index] = true;
    --remaining_;
  }

  const DnsOptions& options_;
  std::span<const std::string> domains_;
  int type_;
  ares_channel channel_ = nullptr;
  std::vector<DnsAnswer> answers_;
  std::vector<bool> done_;
  std::deque<Pending> queue_;
  int in_flight_ = 0;
  std::size_t remaining_ = answers_.size();
};

Result<ares_channel> make_channel(const DnsOptions& options, const std::string& servers_csv) {
  init_library_once();
  ares_options opts{};
  opts.timeout = std::max(options.timeout_ms, 1);
  opts.tries = std::max(options.tries, 1);
  opts.flags = ARES_FLAG_NOSEARCH;
  ares_channel channel = nullptr;
  int rc = ares_init_options(&channel, &opts, ARES_OPT_TIMEOUTMS | ARES_OPT_TRIES | ARES_OPT_FLAGS);
  if (rc != ARES_SUCCESS)
    return fail(ErrorCode::unavailable, fmt::format("cannot start the DNS resolver: {}", ares_strerror(rc)));
  if (!servers_csv.empty()) {
    rc = ares_set_servers_ports_csv(channel, servers_csv.c_str());
    if (rc != ARES_SUCCESS) {
      ares_destroy(channel);
      return fail(ErrorCode::invalid_argument, fmt::format("bad DNS server list '{}': {}", servers_csv,
                                                           ares_strerror(rc)), "dns.servers");
    }
  }
  return channel;
}

}  // namespace

Result<DnsResolver> DnsResolver::create(DnsOptions options) {
  if (options.max_in_flight < 1 || options.attempts < 1)
    return fail(ErrorCode::invalid_argument, "DNS max_in_flight and attempts must be at least 1", "dns");
  DnsResolver resolver(std::move(options));
  for (const auto& server : resolver.options_.servers) {
    if (!resolver.servers_csv_.empty()) resolver.servers_csv_ += ',';
    resolver.servers_csv_ += server;
  }
  auto channel = make_channel(resolver.options_, resolver.servers_csv_);
  if (!channel) return fail(channel.error());
  ares_destroy(*channel);
  return resolver;
}

std::vector<DnsAnswer> DnsResolver::lookup(std::span<const std::string> domains, DnsQueryType type,
                                           std::chrono::steady_clock::time_point deadline) const {
  Batch batch(options_, domains, type == DnsQueryType::ns ? kTypeNs : kTypeSoa);
  auto channel = make_channel(options_, servers_csv_);
  if (!channel) {
    std::vector<DnsAnswer> answers;
    for (const auto& d : domains) answers.push_back({d, DnsVerdict::failed, channel.error().message, 0});
    return answers;
  }
  auto answers = batch.run(*channel, deadline);
  ares_destroy(*channel);
  return answers;
}

}  // namespace snai::availability
