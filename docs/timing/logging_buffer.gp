set terminal svg size 900,540 dynamic noenhanced font 'sans,12' background '#ffffff'
set output 'logging_buffer.svg'
set title 'client_sample_100: log_dropped against remote.logging.buffer_size'
set xlabel 'remote.logging.buffer_size'
set ylabel 'log_dropped'
set grid
set key below
set yrange [0:*]
set logscale x
plot for [i=0:1] 'logging_buffer.dat' index i using 1:2 with linespoints pointsize 1.2 title columnheader(1)
