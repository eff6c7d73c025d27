"""Indonesian text banks for the replica's synthetic articles (no external data).

Everything here is invented: person names, quotes and events are made up so that no real
journalist or official is credited with a fabricated story. Templates use ``str.format``
slots filled per article by :mod:`newscrawl.replica.content`:

``{kota}`` city, ``{tokoh}`` full name of the main source, ``{tp}`` its short name,
``{jabatan}`` its role, ``{instansi}`` the institution, ``{obj}``/``{Obj}`` the subject (lower /
title case), ``{hari}`` "Senin (6/10/2025)" (publication day), ``{hari2}`` the day before,
``{n1}`` small count, ``{n2}`` larger count, ``{n3}`` age/size, ``{m}`` amount in billions,
``{persen}`` a percentage, ``{brand}`` the site brand, ``{pasar}`` a market name,
``{stadion}`` a stadium, ``{warga}`` a resident's name, ``{negara}`` a country.
"""

from __future__ import annotations

from dataclasses import dataclass

DAY_NAMES = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MONTH_NAMES = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)

FIRST_NAMES = (
    "Agus",
    "Bambang",
    "Dewi",
    "Rina",
    "Hendra",
    "Siti",
    "Yusuf",
    "Anita",
    "Rudi",
    "Wahyu",
    "Fitri",
    "Dimas",
    "Lestari",
    "Nur",
    "Reza",
    "Putri",
    "Arif",
    "Nanda",
    "Fajar",
    "Galih",
    "Indra",
    "Ratna",
    "Teguh",
    "Yanti",
    "Heru",
    "Dian",
    "Eko",
    "Laras",
    "Bayu",
    "Wulan",
)
LAST_NAMES = (
    "Santoso",
    "Wibowo",
    "Saputra",
    "Pratama",
    "Hidayat",
    "Nugroho",
    "Kurniawan",
    "Setiawan",
    "Rahman",
    "Susanto",
    "Wulandari",
    "Rahayu",
    "Prasetyo",
    "Handayani",
    "Firmansyah",
    "Purnomo",
    "Maharani",
    "Utomo",
    "Permana",
    "Kusumawati",
)

MARKETS = ("Gede", "Legi", "Baru", "Induk", "Sentral", "Raya", "Kota")
STADIUMS = ("Manahan", "Jatidiri", "Gelora BJ Habibie", "Lukas Enembe", "Gelora Bung Karno")
COUNTRIES = (
    "Jepang",
    "Korea Selatan",
    "Australia",
    "Jerman",
    "Brasil",
    "Kanada",
    "Filipina",
    "Vietnam",
    "Meksiko",
    "Turki",
)
ARTISTS = (
    "Nadira Kusuma",
    "Raka Aditya",
    "Sheila Marcelina",
    "Bima Prasetya",
    "Tiara Anjani",
    "Gilang Ramadhan Putra",
    "Kirana Larasati",
    "Dito Mahendra Wijaya",
)


@dataclass(frozen=True, slots=True)
class Theme:
    """One subject area: templates for titles, leads, sentences, quotes and labels."""

    key: str
    objects: tuple[str, ...]
    roles: tuple[str, ...]
    institutions: tuple[str, ...]
    titles: tuple[str, ...]
    leads: tuple[str, ...]
    sentences: tuple[str, ...]
    quotes: tuple[str, ...]
    subheads: tuple[str, ...]
    tags: tuple[str, ...]
    topics: tuple[str, ...]


THEMES: dict[str, Theme] = {
    "pemerintahan": Theme(
        key="pemerintahan",
        objects=(
            "perbaikan jalan",
            "penataan pasar tradisional",
            "program makan bergizi gratis",
            "pembangunan drainase",
            "penataan pedagang kaki lima",
            "layanan administrasi kependudukan",
            "revitalisasi alun-alun",
            "pengelolaan sampah",
            "penerangan jalan umum",
            "rehabilitasi rumah tidak layak huni",
        ),
        roles=(
            "Wali Kota {kota}",
            "Sekretaris Daerah {kota}",
            "Kepala Bappeda {kota}",
            "Ketua DPRD {kota}",
            "Kepala Dinas Pekerjaan Umum {kota}",
        ),
        institutions=("Pemkot {kota}", "Pemkab {kota}", "DPRD {kota}"),
        titles=(
            "{instansi} Kebut {Obj}, Target Rampung Desember",
            "Anggaran {Obj} di {kota} Naik Jadi Rp {m} Miliar",
            "{tp} Minta Camat dan Lurah Kawal {Obj}",
            "DPRD Soroti Lambatnya {Obj} di {kota}",
            "Warga {kota} Keluhkan {Obj}, Ini Jawaban {instansi}",
            "{Obj} di {kota} Dievaluasi, {tp}: Masih Banyak Pekerjaan Rumah",
            "Tahap Kedua {Obj} di {kota} Dimulai Pekan Depan",
            "{instansi} Libatkan Warga dalam {Obj}",
        ),
        leads=(
            (
                "{instansi} menyiapkan anggaran sekitar Rp {m} miliar untuk {obj} yang ditargetkan "
                "rampung sebelum akhir tahun."
            ),
            (
                "Program {obj} di {kota} kembali disorot karena dinilai berjalan lebih lambat "
                "dari jadwal yang ditetapkan."
            ),
            (
                "{jabatan} {tokoh} meminta seluruh jajarannya memastikan {obj} tepat sasaran "
                "dan tidak molor."
            ),
        ),
        sentences=(
            (
                "{jabatan}, {tokoh}, mengatakan pihaknya sudah menyiapkan anggaran sekitar Rp {m} "
                "miliar untuk {obj} tahun ini."
            ),
            (
                "Menurut {tp}, {obj} menjadi salah satu prioritas pemerintah daerah hingga akhir "
                "tahun anggaran."
            ),
            "Ia menyebut sedikitnya {n1} titik di {kota} akan menjadi sasaran program tersebut.",
            (
                "Rencana itu sebelumnya dibahas dalam rapat koordinasi bersama organisasi perangkat "
                "daerah pada {hari2}."
            ),
            (
                "Sejumlah anggota dewan meminta agar pelaksanaan {obj} diawasi secara ketat supaya "
                "tidak molor."
            ),
            "Pihaknya juga membuka kanal pengaduan bagi warga yang ingin menyampaikan masukan.",
            "Tahun lalu, realisasi program serupa baru mencapai {persen} persen dari target.",
            "Pemerintah daerah berjanji melibatkan warga sekitar dalam proses pengerjaan.",
            "Pengerjaan tahap pertama dijadwalkan dimulai setelah proses lelang selesai.",
            "Dinas terkait juga akan menurunkan tim pengawas ke setiap lokasi pekerjaan.",
        ),
        quotes=(
            (
                '"Kami ingin semuanya selesai tepat waktu dan hasilnya benar-benar dirasakan '
                'masyarakat," kata {tp} kepada {brand}, {hari}.'
            ),
            (
                '"Kalau ada kendala di lapangan, segera laporkan supaya bisa kami tindak lanjuti," '
                "ujarnya."
            ),
            (
                '"Anggarannya sudah ada, sekarang tinggal bagaimana pelaksanaannya di lapangan," '
                "tambah {tp}."
            ),
        ),
        subheads=("Target Rampung Akhir Tahun", "Warga Diminta Bersabar", "Anggaran Bertambah"),
        tags=("Pemerintah Daerah", "DPRD", "APBD"),
        topics=("Pembangunan Daerah", "Kebijakan Publik", "APBD 2025"),
    ),
    "hukum": Theme(
        key="hukum",
        objects=(
            "pencurian sepeda motor",
            "penipuan arisan online",
            "peredaran narkoba",
            "balap liar",
            "pungutan liar",
            "pencurian kabel",
            "judi online",
            "penggelapan mobil rental",
        ),
        roles=(
            "Kasat Reskrim Polresta {kota}",
            "Kapolresta {kota}",
            "Kasi Humas Polres {kota}",
            "Kepala Kejaksaan Negeri {kota}",
        ),
        institutions=("Polresta {kota}", "Polres {kota}", "Kejari {kota}"),
        titles=(
            "Polisi Tangkap {n1} Pelaku {Obj} di {kota}",
            "Kasus {Obj} di {kota} Terungkap, Kerugian Capai Rp {n2} Juta",
            "Kronologi {Obj} yang Resahkan Warga {kota}",
            "{instansi} Bentuk Tim Khusus Berantas {Obj}",
            "Terlibat {Obj}, Dua Pemuda {kota} Terancam 7 Tahun Penjara",
            "Modus Baru {Obj} di {kota}, Polisi Imbau Warga Waspada",
            "Berkas Perkara {Obj} di {kota} Segera Dilimpahkan",
        ),
        leads=(
            "{instansi} mengungkap kasus {obj} yang selama ini meresahkan warga {kota}.",
            (
                "Polisi menangkap {n1} orang yang diduga terlibat {obj} setelah menerima laporan "
                "dari masyarakat."
            ),
            "Kasus {obj} di {kota} akhirnya terungkap setelah penyelidikan selama beberapa pekan.",
        ),
        sentences=(
            "{jabatan}, {tokoh}, membenarkan penangkapan tersebut saat dikonfirmasi pada {hari}.",
            "Para pelaku diamankan di sebuah rumah kontrakan tanpa perlawanan.",
            (
                "Dari tangan pelaku, petugas menyita sejumlah barang bukti, termasuk telepon "
                "genggam dan sepeda motor."
            ),
            "Kasus ini terungkap setelah polisi menerima laporan dari warga yang merasa dirugikan.",
            (
                "Akibat perbuatannya, pelaku dijerat pasal berlapis dengan ancaman hukuman maksimal "
                "tujuh tahun penjara."
            ),
            (
                "Polisi masih mendalami kemungkinan adanya pelaku lain yang terlibat dalam jaringan "
                "tersebut."
            ),
            "Total kerugian korban ditaksir mencapai Rp {n2} juta.",
            "Warga sekitar mengaku resah karena kejadian serupa sudah berulang kali terjadi.",
            "Penyidik juga memeriksa {n1} orang saksi untuk melengkapi berkas perkara.",
        ),
        quotes=(
            (
                '"Saat ini para pelaku sudah kami tahan dan masih menjalani pemeriksaan intensif," '
                "kata {tp}."
            ),
            (
                '"Kami imbau masyarakat lebih waspada dan segera melapor jika melihat hal '
                'mencurigakan," ujarnya.'
            ),
            '"Kami tidak akan memberi ruang bagi pelaku kejahatan di wilayah ini," tegas {tp}.',
        ),
        subheads=("Kronologi Penangkapan", "Barang Bukti yang Disita", "Ancaman Hukuman"),
        tags=("Kriminal", "Kasus Pencurian", "Polisi"),
        topics=("Kriminalitas", "Kasus Hukum"),
    ),
    "ekonomi": Theme(
        key="ekonomi",
        objects=(
            "harga beras",
            "harga cabai rawit",
            "harga emas",
            "penyaluran KUR",
            "pasar murah",
            "harga telur ayam",
            "inflasi daerah",
            "harga bawang merah",
        ),
        roles=(
            "Kepala Dinas Perdagangan {kota}",
            "Kepala Bidang Perdagangan {kota}",
            "Ketua Kadin {kota}",
            "Kepala BPS {kota}",
        ),
        institutions=("Dinas Perdagangan {kota}", "Pemkot {kota}", "Satgas Pangan {kota}"),
        titles=(
            "{Obj} di {kota} Naik, Pedagang Mengeluh Sepi Pembeli",
            "Jelang Akhir Tahun, {Obj} di {kota} Mulai Bergerak",
            "{instansi} Gelar Operasi Pasar untuk Tekan {Obj}",
            "Pengamat: {Obj} Masih Akan Fluktuatif hingga Desember",
            "Update {Obj} Hari Ini di {kota}",
            "Pedagang di Pasar {pasar} Keluhkan {Obj}",
        ),
        leads=(
            "{Obj} di sejumlah pasar tradisional {kota} terpantau naik dalam sepekan terakhir.",
            "{instansi} memastikan stok aman meski {obj} mengalami kenaikan di tingkat pengecer.",
            "Pedagang di {kota} mengeluhkan sepinya pembeli setelah {obj} terus bergerak naik.",
        ),
        sentences=(
            (
                "Berdasarkan pantauan di Pasar {pasar}, {obj} terpantau mengalami kenaikan dibanding "
                "pekan lalu."
            ),
            (
                "Sejumlah pedagang menyebut pasokan dari daerah sentra produksi berkurang dalam "
                "beberapa hari terakhir."
            ),
            (
                "{jabatan}, {tokoh}, mengatakan pihaknya terus memantau perkembangan harga di "
                "lapangan."
            ),
            "Menurutnya, kenaikan tersebut masih dalam batas wajar dan dipengaruhi faktor musiman.",
            (
                "Pemerintah daerah berencana menggelar pasar murah di {n1} kecamatan untuk menjaga "
                "daya beli masyarakat."
            ),
            "Inflasi bulanan di daerah tersebut tercatat sebesar {persen} persen.",
            "Sebagian pembeli memilih mengurangi jumlah belanja untuk menyiasati kenaikan harga.",
            "Distribusi dari gudang penyangga akan ditambah mulai pekan depan.",
        ),
        quotes=(
            (
                '"Biasanya saya bisa jual sampai {n1} kuintal sehari, sekarang separuhnya saja '
                'susah," kata seorang pedagang, {warga}.'
            ),
            '"Stok sebenarnya aman, hanya distribusinya yang perlu kami perbaiki," ujar {tp}.',
            '"Kami minta masyarakat tidak membeli secara berlebihan," kata {tp}.',
        ),
        subheads=("Stok Dipastikan Aman", "Pedagang Mengeluh", "Operasi Pasar Digelar"),
        tags=("Harga Pangan", "Inflasi", "Pasar Tradisional"),
        topics=("Harga Kebutuhan Pokok", "Ekonomi Daerah"),
    ),
    "olahraga": Theme(
        key="olahraga",
        objects=(
            "Persis Solo",
            "PSIS Semarang",
            "PSM Makassar",
            "Persipura Jayapura",
            "Persija Jakarta",
            "Persib Bandung",
        ),
        roles=("Pelatih {Obj}", "Manajer {Obj}", "Asisten Pelatih {Obj}"),
        institutions=("Manajemen {Obj}", "PSSI", "Panpel {Obj}"),
        titles=(
            "{Obj} Siapkan Strategi Khusus Hadapi Laga Tandang",
            "Jelang Pekan Ke-{n1}, {Obj} Fokus Benahi Lini Belakang",
            "{tp} Puas dengan Perkembangan Pemain Muda {Obj}",
            "Suporter {Obj} Diminta Tertib Saat Laga Kandang",
            "{Obj} Pantau Pemain Asing Baru untuk Putaran Kedua",
            "Tiket Laga Kandang {Obj} Dijual Mulai Hari Ini",
        ),
        leads=(
            "{Obj} terus mematangkan persiapan jelang laga lanjutan Liga 1 akhir pekan ini.",
            "Tim pelatih {Obj} mulai membenahi sejumlah kekurangan setelah hasil laga terakhir.",
            "Manajemen {Obj} meminta suporter mendukung tim dengan tertib di stadion.",
        ),
        sentences=(
            (
                "{jabatan}, {tokoh}, mengatakan timnya sudah menjalani latihan intensif selama "
                "sepekan terakhir."
            ),
            "Sejumlah pemain yang sempat cedera dipastikan sudah kembali berlatih bersama tim.",
            "Laga tersebut dijadwalkan berlangsung di Stadion {stadion} pada akhir pekan ini.",
            "Hasil pertandingan sebelumnya menjadi bahan evaluasi tim pelatih.",
            "Saat ini {Obj} berada di posisi ke-{n1} klasemen sementara dengan {n2} poin.",
            (
                "Manajemen klub juga berencana menambah satu pemain asing pada jendela transfer "
                "berikutnya."
            ),
            "Panitia pelaksana menyiapkan sekitar {n2} ratus personel pengamanan.",
        ),
        quotes=(
            (
                '"Kami tidak boleh lengah, setiap pertandingan harus dihadapi dengan serius," '
                "kata {tp}."
            ),
            '"Anak-anak sudah siap, tinggal menjaga konsentrasi sampai menit terakhir," ujarnya.',
            '"Dukungan suporter sangat berarti bagi kami," tambah {tp}.',
        ),
        subheads=("Persiapan Tim", "Kondisi Pemain", "Target Poin Penuh"),
        tags=("Liga 1", "Sepak Bola", "Super League"),
        topics=("Liga 1 2025/2026", "Sepak Bola Nasional"),
    ),
    "seleb": Theme(
        key="seleb",
        objects=ARTISTS,
        roles=("Manajer {Obj}", "Penyanyi", "Aktris"),
        institutions=("Manajemen {Obj}", "Label Rekaman", "Rumah Produksi"),
        titles=(
            "{Obj} Ungkap Alasan Jarang Tampil di Televisi",
            "{Obj} Rilis Single Baru, Terinspirasi Kisah Pribadi",
            "Momen {Obj} Pulang Kampung ke {kota}, Disambut Hangat Warga",
            "{Obj} Bagikan Tips Jaga Kesehatan di Tengah Jadwal Padat",
            "{Obj} Siapkan Konser Tunggal Tahun Depan",
        ),
        leads=(
            "{Obj} akhirnya buka suara soal kesibukannya belakangan ini.",
            "Karya terbaru {Obj} mendapat sambutan hangat dari para penggemar.",
            "{Obj} membagikan momen kebersamaan dengan keluarga di {kota}.",
        ),
        sentences=(
            "Penyanyi berusia {n3} tahun itu mengaku sedang fokus menyiapkan album terbarunya.",
            "Unggahan tersebut langsung dibanjiri komentar warganet.",
            "Dalam wawancara terbaru, {Obj} bercerita soal masa kecilnya di {kota}.",
            "Ia juga mengungkapkan rencana menggelar konser tunggal tahun depan.",
            "Kabar ini disambut antusias para penggemarnya di media sosial.",
            "Video klip lagu tersebut sudah ditonton lebih dari {n2} ribu kali.",
        ),
        quotes=(
            '"Aku cuma mau karya yang jujur, yang bisa dinikmati semua orang," kata {Obj}.',
            '"Doakan saja semuanya lancar," ujarnya sambil tersenyum.',
        ),
        subheads=("Kesibukan Baru", "Respons Penggemar"),
        tags=("Seleb", "Musik Indonesia", "Artis"),
        topics=("Kabar Artis", "Musik"),
    ),
    "bencana": Theme(
        key="bencana",
        objects=(
            "banjir",
            "tanah longsor",
            "angin kencang",
            "kekeringan",
            "kebakaran lahan",
            "banjir rob",
        ),
        roles=(
            "Kepala Pelaksana BPBD {kota}",
            "Kepala Seksi Kedaruratan BPBD {kota}",
            "Camat setempat",
        ),
        institutions=("BPBD {kota}", "Basarnas", "BMKG"),
        titles=(
            "{Obj} Landa {n1} Desa di {kota}, Ratusan Warga Mengungsi",
            "BMKG Peringatkan Potensi {Obj} di {kota} Sepekan ke Depan",
            "BPBD {kota} Siagakan Personel Antisipasi {Obj}",
            "Dampak {Obj}, Akses Jalan Antarkecamatan di {kota} Terputus",
            "Warga Terdampak {Obj} di {kota} Mulai Terima Bantuan",
        ),
        leads=(
            "{Obj} melanda sejumlah wilayah di {kota} dan memaksa warga mengungsi.",
            "BPBD {kota} meminta warga waspada terhadap potensi {obj} dalam beberapa hari ke depan.",
            "Ratusan warga terdampak {obj} di {kota} mulai menerima bantuan logistik.",
        ),
        sentences=(
            "{jabatan}, {tokoh}, mengatakan tim gabungan sudah diterjunkan ke lokasi sejak pagi.",
            "Hingga {hari}, tercatat {n2} rumah warga terdampak.",
            "Tidak ada korban jiwa dalam peristiwa tersebut, namun kerugian materi masih dihitung.",
            "Warga yang rumahnya terdampak sementara mengungsi ke balai desa dan rumah kerabat.",
            (
                "BMKG memperkirakan hujan dengan intensitas sedang hingga lebat masih berpotensi "
                "terjadi."
            ),
            "Petugas juga mendirikan dapur umum untuk memenuhi kebutuhan makan para pengungsi.",
            "Bantuan berupa beras, air bersih, dan selimut sudah disalurkan ke posko pengungsian.",
        ),
        quotes=(
            (
                '"Kami minta warga yang tinggal di bantaran sungai tetap waspada, terutama saat hujan '
                'turun malam hari," kata {tp}.'
            ),
            '"Tim kami siaga dua puluh empat jam di posko," ujarnya.',
        ),
        subheads=("Warga Mengungsi", "Bantuan Logistik", "Peringatan Dini"),
        tags=("BPBD", "Bencana Alam", "Cuaca Ekstrem"),
        topics=("Cuaca Ekstrem", "Bencana Alam"),
    ),
    "kesehatan": Theme(
        key="kesehatan",
        objects=(
            "demam berdarah",
            "campak",
            "stunting",
            "imunisasi anak",
            "ISPA",
            "cek kesehatan gratis",
            "tuberkulosis",
        ),
        roles=(
            "Kepala Dinas Kesehatan {kota}",
            "Direktur RSUD {kota}",
            "Kepala Bidang Pencegahan Penyakit Dinkes {kota}",
        ),
        institutions=("Dinkes {kota}", "RSUD {kota}", "Puskesmas"),
        titles=(
            "Kasus {Obj} di {kota} Meningkat, Dinkes Minta Warga Waspada",
            "Dinkes {kota} Gencarkan Program Penanganan {Obj}",
            "Mengenal Gejala {Obj} dan Cara Pencegahannya",
            "{n1} Puskesmas di {kota} Buka Layanan {Obj} hingga Akhir Pekan",
            "Penanganan {Obj} di {kota} Dinilai Membaik",
        ),
        leads=(
            "Dinas Kesehatan {kota} mencatat peningkatan kasus {obj} dalam sebulan terakhir.",
            "Warga {kota} diminta memanfaatkan layanan {obj} yang dibuka di seluruh puskesmas.",
            "{jabatan} {tokoh} mengingatkan pentingnya pencegahan {obj} sejak dini.",
        ),
        sentences=(
            "{jabatan}, {tokoh}, mengatakan hingga awal Oktober tercatat {n2} kasus {obj}.",
            "Jumlah tersebut meningkat dibanding periode yang sama tahun lalu.",
            "Pihaknya meminta masyarakat menerapkan pola hidup bersih dan sehat.",
            "Layanan pemeriksaan dibuka setiap hari kerja di seluruh puskesmas.",
            "Orang tua diimbau segera membawa anak ke fasilitas kesehatan jika muncul gejala.",
            "Petugas kesehatan juga melakukan kunjungan rumah di wilayah dengan kasus tertinggi.",
        ),
        quotes=(
            (
                '"Pencegahan jauh lebih murah dibanding pengobatan, jadi jangan tunggu parah," '
                "ujar {tp}."
            ),
            '"Kami sudah siapkan tenaga kesehatan tambahan di puskesmas," kata {tp}.',
        ),
        subheads=("Gejala yang Perlu Diwaspadai", "Langkah Pencegahan"),
        tags=("Kesehatan", "Dinas Kesehatan", "Puskesmas"),
        topics=("Info Kesehatan", "Layanan Kesehatan"),
    ),
    "internasional": Theme(
        key="internasional",
        objects=COUNTRIES,
        roles=("juru bicara pemerintah {Obj}", "Duta Besar RI untuk {Obj}", "analis politik"),
        institutions=("Pemerintah {Obj}", "KBRI", "Parlemen {Obj}"),
        titles=(
            "Pemerintah {Obj} Umumkan Paket Kebijakan Ekonomi Baru",
            "Ribuan Warga {Obj} Turun ke Jalan Tolak Kenaikan Pajak",
            "Gempa Magnitudo 5,{n1} Guncang {Obj}, Tidak Berpotensi Tsunami",
            "{Obj} dan Indonesia Sepakat Perkuat Kerja Sama Perdagangan",
            "Parlemen {Obj} Loloskan Aturan Baru soal Media Sosial",
        ),
        leads=(
            "Pemerintah {Obj} mengambil langkah baru di tengah tekanan ekonomi global.",
            "Situasi di {Obj} menjadi sorotan setelah keputusan terbaru pemerintah setempat.",
            "KBRI memastikan warga negara Indonesia di {Obj} dalam kondisi aman.",
        ),
        sentences=(
            (
                "Pengumuman itu disampaikan dalam konferensi pers di ibu kota pada {hari}, waktu "
                "setempat."
            ),
            "Dikutip dari kantor berita setempat, kebijakan tersebut mulai berlaku bulan depan.",
            "Sejumlah analis menilai langkah itu diambil untuk menekan laju inflasi.",
            (
                "Kedutaan Besar Republik Indonesia memastikan tidak ada warga negara Indonesia yang "
                "terdampak."
            ),
            "Pemerintah setempat menyatakan situasi tetap terkendali.",
            "Nilai perdagangan kedua negara tahun lalu tercatat naik {persen} persen.",
        ),
        quotes=(
            (
                '"Kami akan terus memantau perkembangan dan memberikan pembaruan secara berkala," '
                "kata {jabatan}, {tokoh}."
            ),
            '"Warga kami imbau tetap tenang dan mengikuti arahan otoritas setempat," ujar {tp}.',
        ),
        subheads=("Reaksi Publik", "Dampak bagi Indonesia"),
        tags=("Internasional", "Berita Dunia", "Diplomasi"),
        topics=("Berita Internasional", "Isu Global"),
    ),
}

GENERIC_SENTENCES = (
    "Kegiatan tersebut mendapat sambutan positif dari masyarakat setempat.",
    "Pihak terkait berjanji akan menyampaikan perkembangan terbaru dalam waktu dekat.",
    "Hal itu disampaikan di sela kegiatan di {kota} pada {hari}.",
    "Sebelumnya, persoalan serupa juga sempat mencuat pada awal tahun ini.",
    "Sementara itu, sejumlah warga berharap persoalan tersebut segera mendapat solusi.",
    "Pantauan di lokasi, suasana terlihat ramai sejak pagi hari.",
    "Sejumlah petugas tampak berjaga di sekitar lokasi.",
    "Ia menambahkan, koordinasi dengan instansi terkait terus dilakukan.",
    "Langkah tersebut diharapkan mampu memberikan dampak jangka panjang.",
    "Menurut data yang dihimpun, jumlah tersebut terus bertambah dalam tiga bulan terakhir.",
    "Salah seorang warga, {warga}, mengaku baru mengetahui kabar itu dari media sosial.",
    "Pihaknya memastikan seluruh proses dilakukan secara terbuka.",
    "Evaluasi menyeluruh akan dilakukan setelah kegiatan berakhir.",
    "Informasi tersebut juga sudah disebarkan melalui akun media sosial resmi.",
    "Rapat lanjutan dijadwalkan digelar pekan depan.",
    "Persoalan ini menjadi perbincangan hangat di kalangan warga {kota}.",
    "Tidak sedikit warga yang kemudian mendatangi lokasi untuk melihat langsung.",
    "Hingga berita ini diturunkan, belum ada keterangan resmi dari pihak lain yang terkait.",
    "Upaya tersebut sejalan dengan program prioritas yang dicanangkan sejak awal tahun.",
    "Kondisi itu diperkirakan masih akan berlangsung hingga beberapa pekan ke depan.",
    "Ia berharap semua pihak dapat bekerja sama agar target bisa tercapai.",
    "Di sisi lain, kalangan akademisi menilai perlu ada kajian yang lebih mendalam.",
    "Pemerintah pusat disebut sudah menerima laporan terkait persoalan tersebut.",
    "Masyarakat diminta tidak mudah percaya pada informasi yang belum jelas sumbernya.",
    "Sejak pagi, antrean warga terlihat mengular di depan kantor pelayanan.",
    "Beberapa warga bahkan rela datang dari kecamatan lain.",
    "Data tersebut akan diperbarui secara berkala oleh instansi terkait.",
    "Pihaknya juga menyiapkan posko informasi bagi masyarakat.",
    "Kebijakan ini berlaku untuk seluruh wilayah {kota}.",
    "Dalam waktu dekat, sosialisasi akan digelar di tingkat kelurahan.",
    "Sebanyak {n1} relawan ikut membantu kelancaran kegiatan tersebut.",
    "Ke depan, program serupa akan diperluas ke daerah lain.",
)

GENERIC_QUOTES = (
    '"Semoga ke depan semakin baik dan bermanfaat bagi warga," kata {warga}, warga {kota}.',
    '"Kami hanya ingin ada kepastian, itu saja," ujar {warga}.',
    '"Prosesnya memang tidak mudah, tapi kami optimistis," kata {tp}.',
)

RECAP_TEMPLATES = (
    "{instansi} menjadi pihak yang paling disorot dalam persoalan ini.",
    "Warga {kota} diminta mengikuti perkembangan informasi resmi.",
    "Langkah lanjutan akan diumumkan dalam waktu dekat.",
    "{tp} memastikan penanganan dilakukan secara bertahap.",
)

PHOTO_TITLES = (
    "FOTO: Suasana {kota} Pagi Ini, Warga Padati Ruang Terbuka",
    "FOTO: Potret Aktivitas Warga {kota} di Akhir Pekan",
    "FOTO: Langit Senja di {kota} Curi Perhatian Warganet",
)
PHOTO_SENTENCES = (
    "Warga memadati ruang terbuka di pusat {kota}, {hari}.",
    "Suasana tersebut terlihat sejak pagi hingga menjelang siang.",
)
