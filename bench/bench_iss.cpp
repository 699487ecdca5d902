// SPDX-License-Identifier: Apache-2.0
// The AArch64 engine's speed (issue 14: >= 50 M instructions per second from private RAM): a loop
// of ALU, load and store in RAM run in quanta of 10 000 instructions, as a SystemC shell runs a
// core; the same loop loading from a device region every 6 instructions (the carve-outs' path);
// and the cost of one quantum's start. Counters are per wall second.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstring>
#include <vector>

#include "models/iss/aarch64_engine.h"

namespace {

using sim::models::iss::Aarch64Engine;

constexpr std::uint64_t kRam = 0x40000000;
constexpr std::uint64_t kDevice = 0x20000000;

// x1 = RAM data, x2 = device; loop 1 (offset 0x10) stays in RAM, loop 2 (0x28) reads the device.
const std::vector<std::uint32_t> kProgram = {
    0xd2a80001, // mov x1, #0x40000000
    0xf2840001, // movk x1, #0x2000
    0xd2a40002, // mov x2, #0x20000000
    0xd2800000, // mov x0, #0
    0x91000400, // 1: add x0, x0, #1
    0xf9400023, // ldr x3, [x1]
    0x8b000063, // add x3, x3, x0
    0xf9000423, // str x3, [x1, #8]
    0xca000064, // eor x4, x3, x0
    0x17fffffb, // b 1b
    0x91000400, // 2: add x0, x0, #1
    0xb9400043, // ldr w3, [x2]
    0x8b000063, // add x3, x3, x0
    0xf9000423, // str x3, [x1, #8]
    0xca000064, // eor x4, x3, x0
    0x17fffffb, // b 2b
};

struct Bench {
  std::vector<std::uint8_t> ram = std::vector<std::uint8_t>(64 * 1024, 0);
  std::uint64_t device_reads = 0;
  Aarch64Engine engine;

  explicit Bench(std::uint64_t loop_at) {
    std::memcpy(ram.data(), kProgram.data(), kProgram.size() * 4);
    engine.map_ram(kRam, ram.data(), ram.size());
    engine.map_mmio(kDevice, 4096,
                    {[this](std::uint64_t, unsigned) {
                       ++device_reads;
                       return std::uint32_t{1};
                     },
                     nullptr});
    engine.set_pc(kRam);
    engine.run(4); // the set-up instructions
    engine.set_pc(kRam + loop_at);
  }
};

void run_quanta(benchmark::State& state, std::uint64_t loop_at) {
  Bench b(loop_at);
  const auto quantum = static_cast<std::uint64_t>(state.range(0));
  std::uint64_t executed = 0;
  for (auto _ : state) {
    b.engine.run(quantum);
    executed += quantum;
  }
  state.counters["instr_per_s"] =
      benchmark::Counter(static_cast<double>(executed), benchmark::Counter::kIsRate);
  if (b.device_reads > 0)
    state.counters["device_reads_per_s"] =
        benchmark::Counter(static_cast<double>(b.device_reads), benchmark::Counter::kIsRate);
}

void BM_PrivateRam(benchmark::State& state) {
  run_quanta(state, 0x10);
}
void BM_DeviceReadEvery6(benchmark::State& state) {
  run_quanta(state, 0x28);
}

BENCHMARK(BM_PrivateRam)->Arg(10000)->Arg(1000)->Arg(100);
BENCHMARK(BM_DeviceReadEvery6)->Arg(10000);

} // namespace

BENCHMARK_MAIN();
