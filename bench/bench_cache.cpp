// SPDX-License-Identifier: Apache-2.0
// D-cache throughput (DESIGN §9: >= 20 M accesses per second): the hit path, the miss path with
// clean and with dirty victims, and a raw b_transport loop to a trivial target as the physical
// reference on the same machine. Prints the cache-hit / raw ratio after the table.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>

#include "models/cache/cache.h"

namespace {

constexpr std::uint64_t kStoreBytes = 1 << 20;      // the trivial memory wraps addresses here
constexpr std::uint64_t kStreamBytes = 64ull << 20; // miss path: 2048x the cache size
constexpr std::uint64_t kLine = 64;
constexpr std::uint64_t kWarmAddr = 0x1000;

// A memory that only copies bytes and adds a fixed latency: as cheap as a target can be.
class TrivialMemory : public sc_core::sc_module, private tlm::tlm_fw_transport_if<> {
public:
  tlm::tlm_target_socket<32, tlm::tlm_base_protocol_types, 0> in;

  explicit TrivialMemory(const sc_core::sc_module_name& name)
      : sc_core::sc_module(name), in("in"), store_(kStoreBytes, 0), latency_(50, sc_core::SC_NS) {
    in.bind(static_cast<tlm::tlm_fw_transport_if<>&>(*this));
  }

private:
  void b_transport(tlm::tlm_generic_payload& p, sc_core::sc_time& delay) override {
    std::uint8_t* cell = store_.data() + (p.get_address() & (kStoreBytes - 1));
    if (p.is_read())
      std::memcpy(p.get_data_ptr(), cell, p.get_data_length());
    else
      std::memcpy(cell, p.get_data_ptr(), p.get_data_length());
    delay += latency_;
    p.set_response_status(tlm::TLM_OK_RESPONSE);
  }
  unsigned transport_dbg(tlm::tlm_generic_payload&) override { return 0; }
  bool get_direct_mem_ptr(tlm::tlm_generic_payload&, tlm::tlm_dmi&) override { return false; }
  tlm::tlm_sync_enum nb_transport_fw(tlm::tlm_generic_payload&, tlm::tlm_phase&,
                                     sc_core::sc_time&) override {
    return tlm::TLM_COMPLETED;
  }

  std::vector<std::uint8_t> store_;
  sc_core::sc_time latency_;
};

// One core: a reused payload and a 4-byte buffer, as a quantum-keeper loop would issue them.
class Core : public sc_core::sc_module {
public:
  tlm_utils::simple_initiator_socket<Core> out;

  explicit Core(const sc_core::sc_module_name& name) : sc_core::sc_module(name), out("out") {
    payload_.set_data_ptr(reinterpret_cast<unsigned char*>(&word_));
    payload_.set_data_length(sizeof word_);
    payload_.set_streaming_width(sizeof word_);
  }

  bool access(tlm::tlm_command cmd, std::uint64_t addr) {
    payload_.set_command(cmd);
    payload_.set_address(addr);
    payload_.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
    sc_core::sc_time delay = sc_core::SC_ZERO_TIME;
    out->b_transport(payload_, delay);
    benchmark::DoNotOptimize(word_);
    return payload_.is_response_ok();
  }

private:
  tlm::tlm_generic_payload payload_;
  std::uint32_t word_ = 0;
};

struct CachedSystem {
  Core core{sc_core::sc_gen_unique_name("core")};
  sim::models::Cache cache;
  TrivialMemory memory{sc_core::sc_gen_unique_name("ddr")};

  CachedSystem() : cache(sc_core::sc_gen_unique_name("dcache"), config()) {
    core.out.bind(cache.cpu_side);
    cache.mem_side.bind(memory.in);
  }
  static sim::models::CacheConfig config() {
    sim::models::CacheConfig c; // 32 KiB, 4 ways, 64 B, LRU, write-back: the board default
    c.name = "bench.dcache";
    return c;
  }
};

void BM_RawTransport(benchmark::State& state) {
  Core core(sc_core::sc_gen_unique_name("core"));
  TrivialMemory memory(sc_core::sc_gen_unique_name("ddr"));
  core.out.bind(memory.in);
  bool ok = true;
  for (auto _ : state) ok &= core.access(tlm::TLM_READ_COMMAND, kWarmAddr);
  if (!ok) state.SkipWithError("target answered an error");
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_RawTransport);

void BM_CacheHit(benchmark::State& state) {
  CachedSystem sys;
  bool ok = sys.core.access(tlm::TLM_READ_COMMAND, kWarmAddr);
  for (auto _ : state) ok &= sys.core.access(tlm::TLM_READ_COMMAND, kWarmAddr);
  if (!ok || sys.cache.stats().misses != 1) state.SkipWithError("hit path missed");
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_CacheHit);

// Streaming far beyond the cache: every access misses. Reads leave clean victims; writes leave
// dirty ones, so each miss also writes a line back.
void cache_miss(benchmark::State& state, tlm::tlm_command cmd) {
  CachedSystem sys;
  std::uint64_t addr = 0;
  bool ok = true;
  for (auto _ : state) {
    ok &= sys.core.access(cmd, addr);
    addr = (addr + kLine) & (kStreamBytes - 1);
  }
  if (!ok || sys.cache.stats().hits != 0) state.SkipWithError("miss path hit");
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
void BM_CacheMissCleanVictim(benchmark::State& state) {
  cache_miss(state, tlm::TLM_READ_COMMAND);
}
void BM_CacheMissDirtyVictim(benchmark::State& state) {
  cache_miss(state, tlm::TLM_WRITE_COMMAND);
}
BENCHMARK(BM_CacheMissCleanVictim);
BENCHMARK(BM_CacheMissDirtyVictim);

// Keeps the console table and remembers each benchmark's rate for the summary line.
class RateReporter : public benchmark::ConsoleReporter {
public:
  std::map<std::string, double> rate;
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& run : runs) {
      const auto it = run.counters.find("items_per_second");
      if (run.run_type == Run::RT_Iteration && it != run.counters.end())
        rate[run.benchmark_name()] = it->second.value;
    }
    ConsoleReporter::ReportRuns(runs);
  }
};

} // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  RateReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  const double raw = reporter.rate["BM_RawTransport"];
  const double hit = reporter.rate["BM_CacheHit"];
  if (raw > 0 && hit > 0) {
    std::printf("\ncache hit: %.1f M accesses/s, raw b_transport: %.1f M/s, ratio hit/raw = %.2f"
                " (target >= 20 M/s: %s)\n",
                hit / 1e6, raw / 1e6, hit / raw, hit >= 20e6 ? "met" : "NOT met");
  }
  return 0;
}

// libsystemc references sc_main; the benchmarks start through main() above.
int sc_main(int, char**) {
  return 0;
}
