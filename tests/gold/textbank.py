"""Invented Indonesian story text for the hand-made gold cases (no real people, no real events).

Paragraph markup, read by ``make_gold.parse_para``: ``**bold**`` (the dateline), ``//italic//``
and ``[[Tag Name]]`` (an inline link to ``/tag/{slug}``, as in [R3]). The expected body text is
the same string with the markers removed, so ground truth never depends on the extractor.
Slots: ``{kota}``, ``{tokoh}``, ``{tp}`` (short name), ``{hari}`` ("Senin (6/10/2025)"),
``{n}``, ``{m}``, ``{obj}``.
"""

from __future__ import annotations

FIRST = ("Agus", "Bambang", "Dewi", "Rina", "Hendra", "Siti", "Yusuf", "Anita", "Rudi",
         "Wahyu", "Fitri", "Dimas", "Lestari", "Reza", "Putri", "Arif", "Nanda", "Galih",
         "Indra", "Ratna", "Teguh", "Yanti", "Heru", "Laras", "Bayu", "Wulan")  # fmt: skip
LAST = ("Santoso", "Wibowo", "Saputra", "Pratama", "Hidayat", "Nugroho", "Kurniawan",
        "Setiawan", "Rahman", "Susanto", "Wulandari", "Rahayu", "Prasetyo", "Handayani",
        "Firmansyah", "Purnomo", "Maharani", "Utomo", "Permana", "Kusumawati")  # fmt: skip

# (theme, objects, paragraphs). Each story takes its theme's paragraphs in order, skipping some.
THEMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "banjir": (
        ("banjir rob", "genangan air", "luapan sungai"),
        (
            (
                "Hujan deras yang mengguyur {kota} sejak dini hari membuat sejumlah permukiman "
                "tergenang {obj} setinggi {n}0 sentimeter."
            ),
            (
                "Kepala Pelaksana [[BPBD]] setempat, {tokoh}, mengatakan timnya sudah disiagakan "
                "di {n} kecamatan yang paling terdampak."
            ),
            (
                '"Kami minta warga tetap waspada karena curah hujan diperkirakan masih tinggi '
                'hingga akhir pekan," kata {tp}, {hari}.'
            ),
            (
                "Menurut dia, sebagian warga memilih bertahan di lantai dua rumah mereka sambil "
                "menunggu air surut."
            ),
            "Petugas gabungan juga menyiapkan dapur umum dan perahu karet di titik pengungsian.",
            "Data sementara mencatat {m} rumah terdampak dan belum ada laporan korban jiwa.",
            "Sejumlah ruas jalan utama sempat ditutup karena genangan membuat kendaraan mogok.",
            "Warga berharap pemerintah segera memperbaiki saluran air yang tersumbat sampah.",
            (
                '"Setiap tahun selalu begini, tapi belum ada perbaikan yang berarti," ujar '
                "seorang warga, Siti Rahayu."
            ),
            "Pemerintah daerah menyatakan normalisasi sungai akan dimulai setelah musim hujan.",
            "{tp} menambahkan, bantuan logistik untuk pengungsi akan terus disalurkan.",
            "Hingga sore hari, air dilaporkan mulai surut di beberapa lokasi.",
        ),
    ),
    "pasar": (
        ("harga cabai", "harga beras", "harga bawang merah"),
        (
            (
                "Kenaikan {obj} di pasar tradisional {kota} mulai dikeluhkan pedagang dan pembeli "
                "dalam sepekan terakhir."
            ),
            "Di Pasar Gede, {obj} kini menyentuh Rp {m}.000 per kilogram, naik dari pekan lalu.",
            (
                '"Pembeli jadi berkurang karena harganya terus naik," kata pedagang bernama '
                "{tokoh}, {hari}."
            ),
            (
                "Kepala Dinas Perdagangan setempat menyebut kenaikan dipicu pasokan yang menurun "
                "akibat cuaca."
            ),
            (
                "Pemerintah daerah berencana menggelar [[operasi pasar]] di {n} titik untuk menekan "
                "harga."
            ),
            (
                "Sebagian pedagang memilih mengurangi stok agar tidak merugi jika harga turun "
                "mendadak."
            ),
            "{tp} berharap harga kembali normal menjelang akhir bulan.",
            "Ibu rumah tangga mengaku harus mengatur ulang belanja harian keluarga.",
            '"Biasanya beli satu kilo, sekarang setengah saja cukup," ujar seorang pembeli.',
            "Satgas pangan juga memantau gudang distributor untuk mencegah penimbunan.",
            (
                "Bulog menyatakan stok di gudang wilayah {kota} masih aman hingga tiga bulan ke "
                "depan."
            ),
        ),
    ),
    "sepakbola": (
        ("laga kandang", "latihan tertutup", "uji coba"),
        (
            (
                "Tim kebanggaan {kota} menyiapkan diri menghadapi {obj} pekan ini dengan "
                "kekuatan penuh."
            ),
            (
                "Pelatih kepala, {tokoh}, mengatakan seluruh pemain dalam kondisi bugar setelah "
                "jeda kompetisi."
            ),
            '"Kami ingin mengamankan tiga poin di depan pendukung sendiri," kata {tp}, {hari}.',
            "Dua pemain asing baru diperkirakan langsung dimainkan sejak menit awal.",
            "Manajemen klub menargetkan {m} ribu penonton memadati stadion.",
            ("Panitia pelaksana menyiapkan {n} pintu masuk dan pemeriksaan tiket secara digital."),
            "Pihak keamanan juga mengimbau suporter tidak membawa flare ke dalam stadion.",
            "Pada pertemuan terakhir kedua tim, laga berakhir imbang tanpa gol.",
            "{tp} menilai lawan memiliki lini tengah yang solid dan disiplin.",
            '"Kami sudah pelajari cara main mereka, tinggal eksekusi di lapangan," ujarnya.',
            "Kapten tim meminta dukungan penuh suporter selama 90 menit pertandingan.",
        ),
    ),
    "pendidikan": (
        ("penerimaan siswa baru", "beasiswa daerah", "sekolah gratis"),
        (
            ("Dinas Pendidikan {kota} membuka pendaftaran {obj} mulai pekan depan secara daring."),
            "Kepala dinas, {tokoh}, mengatakan kuota tahun ini mencapai {m} ratus kursi.",
            ('"Orang tua tidak perlu antre di sekolah, semua bisa dari rumah," kata {tp}, {hari}.'),
            "Pendaftar diminta menyiapkan kartu keluarga dan nomor induk siswa nasional.",
            "Sekolah juga membuka posko bantuan bagi orang tua yang kesulitan mendaftar.",
            (
                "Tahun lalu, jumlah pendaftar melebihi kuota hingga {n} kali lipat di sekolah "
                "favorit."
            ),
            "Pemerintah daerah memastikan sistem zonasi tetap diterapkan secara transparan.",
            "{tp} meminta masyarakat melapor bila menemukan pungutan liar selama pendaftaran.",
            "Hasil seleksi akan diumumkan melalui laman resmi dinas pendidikan.",
            "Sejumlah orang tua menyambut baik pendaftaran daring karena lebih praktis.",
            "Dinas juga menyiapkan jalur afirmasi bagi siswa dari keluarga kurang mampu.",
        ),
    ),
    "kesehatan": (
        ("demam berdarah", "imunisasi anak", "layanan puskesmas"),
        (
            (
                "Kasus {obj} di {kota} meningkat dalam sebulan terakhir, terutama di kawasan padat "
                "penduduk."
            ),
            "Kepala Dinas Kesehatan, {tokoh}, mencatat sedikitnya {m} kasus sejak awal bulan.",
            (
                '"Kuncinya ada di kebersihan lingkungan, jangan biarkan air menggenang," kata '
                "{tp}, {hari}."
            ),
            "Petugas puskesmas menggelar pemeriksaan jentik dari rumah ke rumah.",
            "Warga juga diajak melakukan gerakan 3M plus setiap akhir pekan.",
            (
                "Rumah sakit daerah menyiapkan ruang perawatan tambahan untuk mengantisipasi "
                "lonjakan pasien."
            ),
            "Sebagian besar pasien adalah anak usia sekolah dasar.",
            (
                "{tp} mengimbau orang tua segera membawa anak ke fasilitas kesehatan bila demam "
                "tinggi."
            ),
            "Pengasapan atau fogging hanya dilakukan di lokasi yang ditemukan kasus positif.",
            "Dinas kesehatan juga membagikan bubuk abate secara gratis di {n} kelurahan.",
            "Kader kesehatan di tingkat RT dilibatkan untuk memantau kondisi warga.",
        ),
    ),
    "lalulintas": (
        ("rekayasa lalu lintas", "penutupan jalan", "uji coba satu arah"),
        (
            ("Satlantas Polres {kota} memberlakukan {obj} di sejumlah ruas jalan mulai {hari}."),
            (
                "Kasat Lantas, {tokoh}, mengatakan kebijakan itu diambil untuk mengurai kemacetan "
                "di pusat kota."
            ),
            '"Kami akan evaluasi setiap hari selama masa uji coba," kata {tp}.',
            "Pengendara dari arah utara diarahkan melintas melalui jalur alternatif.",
            "Petugas disiagakan di {n} persimpangan untuk membantu mengatur arus kendaraan.",
            "Dinas Perhubungan juga memasang rambu sementara di titik-titik pengalihan.",
            "Sebagian pengendara mengaku masih bingung dengan perubahan jalur tersebut.",
            (
                "Polisi meminta masyarakat memantau informasi lalu lintas melalui media sosial "
                "resmi."
            ),
            "Uji coba direncanakan berlangsung selama {m} hari sebelum diputuskan permanen.",
            "Pedagang di sekitar lokasi berharap rekayasa itu tidak mengurangi jumlah pembeli.",
            "{tp} memastikan kendaraan darurat tetap mendapat prioritas melintas.",
        ),
    ),
}

SUBHEADS = ("Warga Diminta Waspada", "Langkah Pemerintah", "Tanggapan Warga", "Rencana ke Depan",
            "Evaluasi Berkala", "Kondisi Terkini")  # fmt: skip

TITLES = {
    "banjir": "Banjir Rendam {n} Kecamatan di {kota}, Warga Bertahan di Lantai Dua",
    "pasar": "Harga Naik, Pedagang Pasar di {kota} Kurangi Stok",
    "sepakbola": "Jelang Laga Kandang, Pelatih {tp} Pastikan Pemain Bugar",
    "pendidikan": "Pendaftaran Siswa Baru di {kota} Dibuka Daring, Kuota Bertambah",
    "kesehatan": "Kasus Demam Berdarah di {kota} Naik, Dinkes Gelar Pemeriksaan Jentik",
    "lalulintas": "Polisi Berlakukan Rekayasa Lalu Lintas di Pusat Kota {kota}",
}
LEADS = {
    "banjir": "Hujan deras sejak dini hari membuat permukiman di {kota} terendam dan warga "
    "bertahan di lantai dua rumah.",
    "pasar": "Kenaikan harga kebutuhan pokok di {kota} membuat pedagang memilih mengurangi stok.",
    "sepakbola": "Tim tuan rumah menyiapkan kekuatan penuh untuk laga kandang pekan ini.",
    "pendidikan": "Pendaftaran siswa baru di {kota} dibuka secara daring mulai pekan depan.",
    "kesehatan": "Dinas kesehatan {kota} mencatat kenaikan kasus demam berdarah sebulan terakhir.",
    "lalulintas": "Rekayasa lalu lintas diberlakukan untuk mengurai kemacetan di pusat kota.",
}
TAGS = {
    "banjir": ("Banjir", "BPBD", "Cuaca Ekstrem", "Pengungsi"),
    "pasar": ("Harga Pangan", "Operasi Pasar", "Inflasi", "Pasar Tradisional"),
    "sepakbola": ("Liga 1", "Sepak Bola", "Suporter", "Stadion"),
    "pendidikan": ("PPDB", "Pendidikan", "Zonasi", "Sekolah"),
    "kesehatan": ("Demam Berdarah", "Dinas Kesehatan", "Puskesmas", "Kesehatan Anak"),
    "lalulintas": ("Lalu Lintas", "Satlantas", "Kemacetan", "Dishub"),
}
TOPICS = {
    "banjir": "Cuaca Ekstrem", "pasar": "Harga Pangan", "sepakbola": "Liga 1",
    "pendidikan": "PPDB 2024", "kesehatan": "Demam Berdarah", "lalulintas": "Info Lalu Lintas",
}  # fmt: skip
RELATED = (
    "Pemkot Siapkan Posko Pengaduan Warga Selama Musim Hujan",
    "Dua Pekan Jelang Lebaran, Stok Pangan Dinyatakan Aman",
    "Ribuan Suporter Padati Stadion, Polisi Terjunkan Ratusan Personel",
    "Sekolah Diminta Transparan Soal Kuota Zonasi",
    "Puskesmas Buka Layanan Malam untuk Pasien Demam",
    "Jalur Alternatif Disiapkan Selama Perbaikan Jembatan",
    "Warga Keluhkan Lampu Jalan Padam di Jalan Protokol",
    "Harga Telur Ayam Turun, Pedagang Berharap Pembeli Kembali",
)
