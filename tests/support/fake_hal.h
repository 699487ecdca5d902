// SPDX-License-Identifier: Apache-2.0
#pragma once
// A HAL for pure software tests, no SystemC: flat byte-addressed memory (sparse 4 KiB pages, zero
// until written), a map-backed register file for mmio, an optional log of every access (address,
// width, kind) so tests can assert the exact loads and stores software issues, and recorded cache
// maintenance, barriers, console output, log lines and probes. Time is a counter: spend() advances
// it by cycles at `cycle_ps`, busy_wait/sleep by their duration. No caches (maintenance only gets
// recorded), no interrupts, and of an OS only the interrupt mask (irq_lock/irq_unlock nest and are
// recorded with every console write; everything else of os() throws). panic() throws
// FakeHalPanic.
// The memory is a FakeMemory that several HALs may share (FakeBoard: two clusters, one DRAM).

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "models/cpu/probe_sink.h"
#include "sw/hal/hal.h"
#include "sw/hal/os.h"
#include "tests/support/recorded_probe.h"

namespace sim::test {

class FakeHalPanic : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

/// Flat byte-addressed memory in sparse 4 KiB pages, zero until written.
class FakeMemory {
public:
  void poke(hal::Addr addr, const void* src, std::size_t len);
  void peek(hal::Addr addr, void* dst, std::size_t len) const;

private:
  static constexpr hal::Addr kPageSize = 4096;
  using Page = std::array<std::uint8_t, kPageSize>;
  std::map<hal::Addr, Page> pages_; ///< keyed by page number
};

class FakeHal : public hal::Hal {
public:
  enum class AccessKind { kRead, kWrite, kBlockRead, kBlockWrite, kMmioRead, kMmioWrite };
  struct Access {
    hal::Addr addr;
    std::size_t width; ///< bytes: 1/2/4/8, or the block length
    AccessKind kind;
  };
  enum class CacheOpKind { kClean, kInvalidate, kCleanInvalidate };
  struct CacheOp {
    CacheOpKind kind;
    hal::Addr addr;
    std::size_t len;
    std::string site;
  };
  struct LogLine {
    hal::LogLevel level;
    std::string component;
    std::string text;
  };
  using Probe = RecordedProbe;

  /// `memory` nullptr: the HAL gets a memory of its own.
  explicit FakeHal(std::string cluster = "fake", hal::SimTime cycle_ps = 1000,
                   std::shared_ptr<FakeMemory> memory = nullptr)
      : cluster_(std::move(cluster)), cycle_ps_(cycle_ps),
        memory_(memory ? std::move(memory) : std::make_shared<FakeMemory>()) {}

  // --- test-side access: not recorded, no simulated cost ---
  void poke(hal::Addr addr, const void* src, std::size_t len) { memory_->poke(addr, src, len); }
  void peek(hal::Addr addr, void* dst, std::size_t len) const { memory_->peek(addr, dst, len); }
  std::vector<std::uint8_t> peek(hal::Addr addr, std::size_t len) const;
  void poke_bytes(hal::Addr addr, const std::vector<std::uint8_t>& bytes) {
    poke(addr, bytes.data(), bytes.size());
  }
  std::uint32_t& reg(hal::Addr addr) { return regs_[addr]; }

  void set_recording(bool on) { recording_ = on; }
  const std::vector<Access>& accesses() const { return accesses_; }
  void clear_accesses() { accesses_.clear(); }
  const std::vector<CacheOp>& cache_ops() const { return cache_ops_; }
  unsigned barriers() const { return barriers_; }
  const std::string& console_output() const { return console_; }
  /// Console writes made, and those made with interrupts masked (irq_lock held).
  unsigned console_writes() const { return console_writes_; }
  unsigned console_writes_masked() const { return console_writes_masked_; }
  const std::vector<LogLine>& logs() const { return logs_; }
  const std::vector<Probe>& probes() const { return probes_; }
  /// Also hands every probe to `sink` (a message ledger) as coming from `side`, as the
  /// platform's clusters do.
  void set_probe_sink(models::ProbeSink* sink, Side side) {
    sink_ = sink;
    side_ = side;
  }
  hal::SimTime cycle_ps() const { return cycle_ps_; }

  // --- hal::Hal ---
  const std::string& cluster() const override { return cluster_; }
  std::uint8_t read8(hal::Addr addr) override { return load<std::uint8_t>(addr); }
  std::uint16_t read16(hal::Addr addr) override { return load<std::uint16_t>(addr); }
  std::uint32_t read32(hal::Addr addr) override { return load<std::uint32_t>(addr); }
  std::uint64_t read64(hal::Addr addr) override { return load<std::uint64_t>(addr); }
  void write8(hal::Addr addr, std::uint8_t value) override { store(addr, value); }
  void write16(hal::Addr addr, std::uint16_t value) override { store(addr, value); }
  void write32(hal::Addr addr, std::uint32_t value) override { store(addr, value); }
  void write64(hal::Addr addr, std::uint64_t value) override { store(addr, value); }
  void read(hal::Addr addr, void* dst, std::size_t len) override;
  void write(hal::Addr addr, const void* src, std::size_t len) override;
  std::uint32_t mmio_read32(hal::Addr addr) override;
  void mmio_write32(hal::Addr addr, std::uint32_t value) override;

  void dcache_clean(hal::Addr addr, std::size_t len, const char* site) override;
  void dcache_invalidate(hal::Addr addr, std::size_t len, const char* site) override;
  void dcache_clean_invalidate(hal::Addr addr, std::size_t len, const char* site) override;
  void barrier() override { ++barriers_; }

  hal::SimTime now() override { return now_; }
  void spend(std::uint64_t cycles) override { now_ += cycles * cycle_ps_; }
  void busy_wait(hal::SimTime duration) override { now_ += duration; }
  void sleep(hal::SimTime duration) override { now_ += duration; }
  /// Nothing changes memory behind the caller's back here: evaluates the condition, and if it is
  /// false lets the timeout pass and evaluates once more. Waiting forever throws.
  bool poll(hal::Addr addr, std::size_t len, const std::function<bool()>& condition,
            hal::SimTime timeout) override;

  void console(std::string_view text) override {
    console_.append(text);
    ++console_writes_;
    if (mask_.depth() > 0) ++console_writes_masked_;
  }
  void log(hal::LogLevel level, std::string_view component, std::string_view text) override;
  void probe(const hal::ProbeEvent& event) override;
  hal::Os& os() override;
  [[noreturn]] void panic(std::string_view reason) override;

protected:
  /// The thread a probe comes from (a FakeOs's current thread on a board).
  virtual std::string probe_thread() { return "main"; }
  void record(hal::Addr addr, std::size_t width, AccessKind kind) {
    if (recording_) accesses_.push_back({addr, width, kind});
  }

private:
  /// The OS of a HAL without one: only the interrupt mask.
  class MaskOnlyOs : public hal::Os {
  public:
    unsigned depth() const { return depth_; }
    unsigned irq_lock() override { return depth_++; }
    void irq_unlock(unsigned key) override { depth_ = key; }
    bool in_isr() const override { return false; }
    void spawn(const hal::ThreadSpec&, std::function<void()>) override { none(); }
    hal::Semaphore& semaphore(const std::string&, unsigned, unsigned) override { none(); }
    hal::WaitQueue& wait_queue(const std::string&) override { none(); }
    hal::Work& work(const std::string&, const hal::ThreadSpec&, const std::string&,
                    std::function<void()>) override {
      none();
    }
    void yield() override { none(); }
    void irq_connect(unsigned, std::function<void()>, unsigned) override { none(); }
    void irq_enable(unsigned, bool) override { none(); }
    const std::string& current_thread() const override { none(); }

  private:
    [[noreturn]] static void none() { throw std::logic_error("no OS in FakeHal"); }
    unsigned depth_ = 0;
  };

  template <typename T> T load(hal::Addr addr) {
    record(addr, sizeof(T), AccessKind::kRead);
    T value;
    peek(addr, &value, sizeof(T));
    return value;
  }
  template <typename T> void store(hal::Addr addr, T value) {
    record(addr, sizeof(T), AccessKind::kWrite);
    poke(addr, &value, sizeof(T));
  }
  void cache_op(CacheOpKind kind, hal::Addr addr, std::size_t len, const char* site);

  std::string cluster_;
  hal::SimTime cycle_ps_;
  hal::SimTime now_ = 0;
  std::shared_ptr<FakeMemory> memory_;
  std::map<hal::Addr, std::uint32_t> regs_;
  bool recording_ = true;
  std::vector<Access> accesses_;
  std::vector<CacheOp> cache_ops_;
  unsigned barriers_ = 0;
  std::string console_;
  unsigned console_writes_ = 0;
  unsigned console_writes_masked_ = 0;
  MaskOnlyOs mask_;
  std::vector<LogLine> logs_;
  std::vector<Probe> probes_;
  models::ProbeSink* sink_ = nullptr;
  Side side_ = Side::kMaster;
};

} // namespace sim::test
