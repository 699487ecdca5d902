set terminal svg size 900,540 dynamic noenhanced font 'sans,12' background '#ffffff'
set output 'logging_master_baud.svg'
set title 'client_sample_100: log_dropped against clusters.master.uart.baud'
set xlabel 'clusters.master.uart.baud'
set ylabel 'log_dropped'
set grid
set key below
set yrange [0:*]
set logscale x
plot for [i=0:0] 'logging_master_baud.dat' index i using 1:2 with linespoints pointsize 1.2 title columnheader(1)
