import './styles.css';
document.getElementById('app')!.textContent = 'Refund Case Log';
