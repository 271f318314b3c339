-- Customer names and segment labels are often Chinese: make sure every table created later is utf8mb4.
alter database character set utf8mb4 collate utf8mb4_unicode_ci;
