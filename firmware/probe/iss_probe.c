/* SPDX-License-Identifier: Apache-2.0 */
/* The ISS probe: exercises every path of ipcsim's ISS core once, for tests/models/iss.
   Boots, prints on UART0, arms the virtual timer for 1 ms and waits in WFI, takes the mailbox
   interrupt the test's master sends, then leaves its results in the vdev0buffer carve-out: the
   first line cleaned to memory (DC CVAC), the second written and never cleaned, so it exists only
   in the D-cache. Built with IPCSIM_FW_PROBE_FAULT it then loads from an unmapped address. */
#include "bsp.h"

struct probe_results {
  uint32_t magic;
  uint32_t timer_irqs;
  uint32_t mbox_irqs;
  uint32_t mbox_word;
  uint64_t timer_irq_ticks;
  uint64_t boot_ticks;
};

#define RESULTS ((volatile struct probe_results*)0x200ca000ul)
#define UNCLEANED ((volatile uint32_t*)0x200ca040ul)

static volatile uint32_t timer_irqs, mbox_irqs, mbox_word;
static volatile uint64_t timer_irq_ticks;

void bsp_irq_handler(unsigned intid) {
  if (intid == BSP_TIMER_PPI) {
    sysreg_write(cntv_ctl_el0, 0); /* one shot */
    timer_irq_ticks = bsp_ticks();
    ++timer_irqs;
  } else if (intid == 32 + BSP_MBOX_SPI_RX) {
    /* The level falls only as the read reaches the mailbox: an entry may find the FIFO already
       empty (the real drivers allow for it too); only entries with words count. */
    uint32_t word = 0;
    if (bsp_mbox_receive(&word) != 0) {
      mbox_word = word;
      ++mbox_irqs;
    }
  }
}

#ifdef IPCSIM_FW_PROBE_POLL
/* Waits for the master's word as OpenAMP waits for DRIVER_OK: invalidate, read, again. */
#define POLLED ((volatile uint32_t*)0x200ca080ul)
int main(void) {
  uint32_t seen;
  do {
    bsp_dcache_invalidate(POLLED, 4);
    seen = *POLLED;
  } while (seen == 0);
  RESULTS->magic = 0x15500002u;
  RESULTS->mbox_word = seen;
  RESULTS->timer_irq_ticks = bsp_ticks(); /* since time 0 */
  bsp_dcache_clean(RESULTS, sizeof *RESULTS);
  for (;;) wfi();
}
#else
int main(void) {
  const uint64_t boot = bsp_ticks();
  bsp_puts("iss-probe: boot\n");

  bsp_mbox_startup();
  bsp_irq_enable(32 + BSP_MBOX_SPI_RX, 0xa0);
  bsp_irq_enable(BSP_TIMER_PPI, 0xa0);

  sysreg_write(cntv_tval_el0, bsp_ticks_per_second() / 1000);
  sysreg_write(cntv_ctl_el0, 1);
  irq_enable_cpu();
  while (timer_irqs == 0 || mbox_irqs == 0) wfi();
  irq_disable_cpu();

  RESULTS->magic = 0x15500001u;
  RESULTS->timer_irqs = timer_irqs;
  RESULTS->mbox_irqs = mbox_irqs;
  RESULTS->mbox_word = mbox_word;
  RESULTS->timer_irq_ticks = timer_irq_ticks - boot;
  RESULTS->boot_ticks = boot;
  bsp_dcache_clean(RESULTS, sizeof *RESULTS);
  *UNCLEANED = 0x5a5a5a5au;
  bsp_puts("iss-probe: done after ");
  bsp_put_hex(timer_irq_ticks - boot);
  bsp_puts(" ticks\n");
#ifdef IPCSIM_FW_PROBE_FAULT
  (void)*(volatile uint32_t*)0x40000000ul; /* outside every mapping: a data abort */
#endif
  for (;;) wfi();
}
#endif
