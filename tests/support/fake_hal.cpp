// SPDX-License-Identifier: Apache-2.0
#include "tests/support/fake_hal.h"

#include <algorithm>
#include <cstring>

namespace sim::test {

void FakeMemory::poke(hal::Addr addr, const void* src, std::size_t len) {
  const auto* p = static_cast<const std::uint8_t*>(src);
  while (len > 0) {
    hal::Addr in_page = addr % kPageSize;
    std::size_t n = std::min<std::size_t>(len, kPageSize - in_page);
    Page& page = pages_.try_emplace(addr / kPageSize, Page{}).first->second;
    std::memcpy(page.data() + in_page, p, n);
    addr += n;
    p += n;
    len -= n;
  }
}

void FakeMemory::peek(hal::Addr addr, void* dst, std::size_t len) const {
  auto* p = static_cast<std::uint8_t*>(dst);
  while (len > 0) {
    hal::Addr in_page = addr % kPageSize;
    std::size_t n = std::min<std::size_t>(len, kPageSize - in_page);
    auto it = pages_.find(addr / kPageSize);
    if (it == pages_.end())
      std::memset(p, 0, n); // never written: reads as zero, without allocating
    else
      std::memcpy(p, it->second.data() + in_page, n);
    addr += n;
    p += n;
    len -= n;
  }
}

std::vector<std::uint8_t> FakeHal::peek(hal::Addr addr, std::size_t len) const {
  std::vector<std::uint8_t> out(len);
  peek(addr, out.data(), len);
  return out;
}

void FakeHal::read(hal::Addr addr, void* dst, std::size_t len) {
  record(addr, len, AccessKind::kBlockRead);
  peek(addr, dst, len);
}

void FakeHal::write(hal::Addr addr, const void* src, std::size_t len) {
  record(addr, len, AccessKind::kBlockWrite);
  poke(addr, src, len);
}

std::uint32_t FakeHal::mmio_read32(hal::Addr addr) {
  record(addr, 4, AccessKind::kMmioRead);
  auto it = regs_.find(addr);
  return it == regs_.end() ? 0 : it->second;
}

void FakeHal::mmio_write32(hal::Addr addr, std::uint32_t value) {
  record(addr, 4, AccessKind::kMmioWrite);
  regs_[addr] = value;
}

void FakeHal::cache_op(CacheOpKind kind, hal::Addr addr, std::size_t len, const char* site) {
  cache_ops_.push_back({kind, addr, len, site ? site : ""});
}

void FakeHal::dcache_clean(hal::Addr addr, std::size_t len, const char* site) {
  cache_op(CacheOpKind::kClean, addr, len, site);
}

void FakeHal::dcache_invalidate(hal::Addr addr, std::size_t len, const char* site) {
  cache_op(CacheOpKind::kInvalidate, addr, len, site);
}

void FakeHal::dcache_clean_invalidate(hal::Addr addr, std::size_t len, const char* site) {
  cache_op(CacheOpKind::kCleanInvalidate, addr, len, site);
}

bool FakeHal::poll(hal::Addr, std::size_t, const std::function<bool()>& condition,
                   hal::SimTime timeout) {
  if (condition()) return true;
  if (timeout == hal::kForever) panic("poll would wait forever in FakeHal");
  now_ += timeout;
  return condition();
}

void FakeHal::log(hal::LogLevel level, std::string_view component, std::string_view text) {
  logs_.push_back({level, std::string(component), std::string(text)});
}

void FakeHal::probe(const hal::ProbeEvent& e) {
  const std::string thread = probe_thread();
  probes_.push_back(record_probe(e, thread, now()));
  if (sink_ != nullptr) sink_->on_probe(side_, thread, e, now());
}

hal::Os& FakeHal::os() {
  return mask_;
}

void FakeHal::panic(std::string_view reason) {
  throw FakeHalPanic(cluster_ + " panic: " + std::string(reason));
}

} // namespace sim::test
