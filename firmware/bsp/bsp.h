/* SPDX-License-Identifier: Apache-2.0 */
/* The board support of ipcsim's bare-metal test firmware: the TCC807x main core as the reference
   port's Zephyr sees it (reference/tcc807x-port.md, configs/tcc807x.yaml): UART0 (PL011), the
   a55mp_a55sp mailbox terminal (SPI 240/241), the main GIC-v3, the generic timer, and the
   carve-outs mapped Normal write-back like Zephyr's mmu_regions (IPCSIM_FW_SHARED_NC maps them
   Normal non-cacheable instead). */
#ifndef IPCSIM_FW_BSP_H
#define IPCSIM_FW_BSP_H

#include <stddef.h>
#include <stdint.h>

#define BSP_UART0 0x16600000ul
#define BSP_MBOX 0x17460000ul
#define BSP_MBOX_SPI_RX 240u
#define BSP_MBOX_SPI_TX 241u
#define BSP_GICD 0x17600000ul
#define BSP_GICR 0x17680000ul
#define BSP_SHM_BASE 0x200c6000ul /* rsc_table, vdev0vring0/1, vdev0buffer */
#define BSP_SHM_SIZE 0x8000ul
/* The rsc_table carve-out: IPCSIM_FW_RSC_TABLE_NC maps it Normal non-cacheable. */
#define BSP_RSC_TABLE_BASE 0x200c6000ul
#define BSP_RSC_TABLE_SIZE 0x2000ul
#define BSP_TIMER_PPI 27u /* the virtual timer */
/* ipcsim's probe port (clusters.remote.core.probe_port; not on silicon): ipcsim_probe.h. */
#define BSP_PROBE_PORT 0x1fff0000ul
#define BSP_LINE 64u

static inline uint32_t mmio_read32(uintptr_t a) {
  return *(volatile uint32_t*)a;
}
static inline void mmio_write32(uintptr_t a, uint32_t v) {
  *(volatile uint32_t*)a = v;
}

#define sysreg_read(name)                                                                          \
  ({                                                                                               \
    uint64_t v_;                                                                                   \
    __asm__ volatile("mrs %0, " #name : "=r"(v_));                                                 \
    v_;                                                                                            \
  })
#define sysreg_write(name, v) __asm__ volatile("msr " #name ", %0" ::"r"((uint64_t)(v)))

static inline void irq_enable_cpu(void) {
  __asm__ volatile("msr daifclr, #2" ::: "memory");
}
static inline void irq_disable_cpu(void) {
  __asm__ volatile("msr daifset, #2" ::: "memory");
}
static inline void wfi(void) {
  __asm__ volatile("wfi" ::: "memory");
}
static inline void dsb(void) {
  __asm__ volatile("dsb sy" ::: "memory");
}

void bsp_puts(const char* s);
void bsp_put_hex(uint64_t v);
/* DC CVAC / IVAC / CIVAC over [addr, addr + len), by the line CTR_EL0 reports. */
void bsp_dcache_clean(const volatile void* addr, size_t len);
void bsp_dcache_invalidate(const volatile void* addr, size_t len);
void bsp_dcache_flush(const volatile void* addr, size_t len);
/* Enables an interrupt (SPI or PPI) at the GIC with a priority. */
void bsp_irq_enable(unsigned intid, uint8_t priority);
void bsp_irq_disable(unsigned intid);
/* Called from the IRQ vector with each acknowledged INTID (bsp_irq acknowledges and ends it). */
void bsp_irq_handler(unsigned intid);
/* The TCC mailbox terminal (reference/tcc807x-mailbox.md), as the port's drivers use it. */
void bsp_mbox_startup(void);
/* Reads every command word waiting; returns how many (the last in *last when not NULL). */
unsigned bsp_mbox_receive(uint32_t* last);
/* Sends one command word; returns 0, or -1 when the previous one is still waiting (the kick is
   lost, as Zephyr's sample never checks ipm_send's result). */
int bsp_mbox_send(uint32_t word);
uint64_t bsp_ticks(void);
uint64_t bsp_ticks_per_second(void);

#endif
