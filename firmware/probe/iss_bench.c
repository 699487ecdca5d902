/* SPDX-License-Identifier: Apache-2.0 */
/* The ISS core's speed on compiled code (bench/bench_scenarios): IPCSIM_FW_BENCH_SHARED loops
   over a vdev0buffer array (every load and store through the remote's D-cache model, a DC CIVAC
   per line every pass), otherwise over a private array (RAM mapped straight into the engine).
   Then it sleeps in WFI until the run's stop_at. The counts make each loop take about a second of
   host time at the targets (50 M instructions per second; carve-out accesses in the hundreds of
   thousands per second). */
#include "bsp.h"

void bsp_irq_handler(unsigned intid) {
  (void)intid;
}

#ifdef IPCSIM_FW_BENCH_SHARED
#define WORDS 64u /* four lines of vdev0buffer */
#define PASSES 8000u
static volatile uint32_t* const array = (volatile uint32_t*)0x200ca000ul;
#else
#define WORDS 1024u
#define PASSES 12000u
static volatile uint32_t array[WORDS];
#endif

int main(void) {
  uint32_t sum = 0;
  for (uint32_t pass = 0; pass < PASSES; ++pass) {
    for (uint32_t i = 0; i < WORDS; ++i) {
      sum += array[i] ^ pass;
      array[i] = sum;
    }
#ifdef IPCSIM_FW_BENCH_SHARED
    bsp_dcache_flush(array, WORDS * 4u);
#endif
  }
  bsp_puts(sum != 0 ? "iss-bench: done\n" : "iss-bench: done (0)\n");
  for (;;) wfi();
}
